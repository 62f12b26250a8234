using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Training.FineTuning;
using CharBert.Training.Tasks;
using static TorchSharp.torch;

namespace CharBert.Training.Tests.Support;

/// <summary>Randomly initialised (seeded) tiny CharBERT task models saved as fine-tuned model directories, as
/// `finetune` writes them, over <see cref="SyntheticTaskFiles.WriteVocabulary"/>. The wide initialisation makes
/// predictions depend on the input and keeps logits well apart, so they never hinge on float noise between batchings.</summary>
public static class TinyRandomModel
{
    public const int MaxSeqLength = 32;

    public static string Save(TempDirectory dir, TaskHeadKind head, TaskMetadata metadata, int numLabels, int seed)
    {
        var text = TextResources.Load(SyntheticTaskFiles.WriteVocabulary(dir.Combine("vocab")), metadata.LowerCase);
        var config = CharBertConfig.Load(FineTuneEndToEndTests.WriteTestConfig(dir)) with
        {
            VocabSize = text.Tokenizer.Vocabulary.Count, CharVocabSize = text.Chars.Count, InitializerRange = 0.5,
        };
        manual_seed(seed);
        var directory = dir.Combine("model");
        ModelBuilder.Save(TaskModelFactory.Create(ModelKind.CharBert, head, config, numLabels), directory, text, metadata);
        return directory;
    }
}
