using CharBert.Modeling;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Heads;
using CharBert.Text.Tasks;
using CharBert.Training.Tasks;
using TorchSharp;

namespace CharBert.Experiments.Tests.Sensitivity;

/// <summary>A randomly initialised (seeded) tiny CharBERT token-classification (or QA) model saved as a model directory,
/// with a small made-up WordPiece and character vocabulary, plus CoNLL files written from made-up sentences.</summary>
static class TinyModelFolder
{
    static readonly string[] Pieces =
    [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "i", "think", "this", "movie", "was", "great", "fun", "the", "cat", "sat",
        "on", "mat", "th", "##nik", "##ink", "mo", "##ive", "gr", "##ate", "##at", "c", "t", "##a", "##t", ".",
    ];

    public static string Create(string directory, bool useCharChannel = true) =>
        Save(directory, TaskHeadKind.TokenClassification, ["O", "X"], useCharChannel);

    /// <summary>The same with a QA head, plus the finetune.json `finetune` writes for a squad model.</summary>
    public static string CreateSquad(string directory, int maxSeqLength = 32)
    {
        Save(directory, TaskHeadKind.QuestionAnswering, [], useCharChannel: true);
        new TaskMetadata(TaskId.Squad, [], maxSeqLength, LowerCase: true).Save(directory);
        return directory;
    }

    static string Save(string directory, TaskHeadKind head, string[] labels, bool useCharChannel)
    {
        Directory.CreateDirectory(directory);
        var vocab = Path.Combine(directory, "vocab.txt");
        File.WriteAllLines(vocab, Pieces);
        var chars = Path.Combine(directory, "bert_char_vocab");
        File.WriteAllLines(chars, [" ", .. "abcdefghijklmnopqrstuvwxyz.".Select(c => c.ToString()), "<unk>"]);
        torch.manual_seed(7);
        var config = CharBertConfig.Tiny with { VocabSize = Pieces.Length, CharVocabSize = 40, UseCharChannel = useCharChannel };
        var model = TaskModelFactory.Create(ModelKind.CharBert, head, config, 2);
        ModelDirectory.Save(directory, model, labels, [vocab, chars]);
        return directory;
    }

    public static string Conll(string path, params string[][] sentences)
    {
        File.WriteAllLines(path, sentences.SelectMany(words => words.Select(w => $"{w} NN O O").Append("")));
        return path;
    }
}
