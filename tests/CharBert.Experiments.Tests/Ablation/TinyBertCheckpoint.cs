using CharBert.Modeling;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Checkpoints.Torch;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Safetensors;
using CharBert.Text.Vocab;
using TorchSharp;

namespace CharBert.Experiments.Tests.Ablation;

/// <summary>A tiny randomly initialised BERT (seeded) in Hugging Face's layout (no "bert." prefix, MLM head under cls.),
/// with vocabularies, as a stand-in for a pretrained encoder directory such as minilm-l6.</summary>
static class TinyBertCheckpoint
{
    /// <summary>Writes the checkpoint into <paramref name="directory"/> with the vocabulary files of
    /// <paramref name="vocabularyDirectory"/> (vocab.txt, bert_char_vocab, term_vocab).</summary>
    /// <param name="asLegacyBin">Write a legacy-format (PyTorch <= 1.5) pytorch_model.bin instead of model.safetensors.</param>
    public static string Write(string directory, string vocabularyDirectory, int seed = 5, bool asLegacyBin = false)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(vocabularyDirectory)) File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
        var text = Training.Tasks.TextResources.Load(vocabularyDirectory, lowerCase: false);
        var config = CharBertConfig.Tiny with { VocabSize = text.Tokenizer.Vocabulary.Count, CharVocabSize = text.Chars.Count };
        config.Save(Path.Combine(directory, ModelDirectory.ConfigFile));
        torch.manual_seed(seed);
        var bert = TaskModelFactory.Create(ModelKind.Bert, TaskHeadKind.PreTraining, config, 0);
        using var scope = torch.NewDisposeScope();
        var weights = bert.Module.state_dict().ToDictionary(p => p.Key.StartsWith("bert.") ? p.Key["bert.".Length..] : p.Key, p => p.Value);
        if (asLegacyBin) TorchCheckpointWriter.WriteLegacy(Path.Combine(directory, "pytorch_model.bin"), weights);
        else SafetensorsWriter.Write(Path.Combine(directory, ModelDirectory.WeightsFile), weights);
        return directory;
    }

    /// <summary>WordPiece, character and term vocabularies built from <paramref name="corpus"/> into <paramref name="directory"/>.</summary>
    public static string WriteVocabularies(string directory, IReadOnlyList<string> corpus, int wordPieces = 400)
    {
        Directory.CreateDirectory(directory);
        WordPieceVocabularyTrainer.TrainToFile(corpus, new WordPieceTrainerOptions { VocabSize = wordPieces, LowerCase = false }, Path.Combine(directory, "vocab.txt"));
        CharVocabulary.Build(corpus, 300).Save(Path.Combine(directory, "bert_char_vocab"));
        TermVocabulary.Build(corpus, 100).Save(Path.Combine(directory, "term_vocab"));
        return directory;
    }
}
