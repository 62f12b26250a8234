using CharBert.Text.Corpora;
using CharBert.Text.Vocab;
using CharBert.Training.Tasks;

namespace CharBert.Experiments.Demo;

/// <summary>The demo's inputs, all obtained by the toolkit itself: the Brown corpus (POS tagging + pre-training
/// text) and SpamAssassin (spam/ham classification) from the corpus cache, sampled to the demo's size, and
/// vocabularies built from the Brown pre-training text. The file names are the ones the demo spec refers to.</summary>
public static class DemoData
{
    public const string PretrainText = "pretrain.txt";
    public const string PosTrain = "pos-train.txt", PosDev = "pos-dev.txt", PosTest = "pos-test.txt";
    public const string SpamTrain = "spam-train.tsv", SpamDev = "spam-dev.tsv", SpamTest = "spam-test.tsv";
    public const string VocabFolder = "vocab";

    /// <summary>Fetches (or finds cached) corpora, writes evenly spaced samples into <paramref name="dataDir"/>
    /// and builds the vocabularies the training code reads (<see cref="TextResources"/>) there. Idempotent: files already
    /// present are kept.</summary>
    public static void Prepare(string dataDir, DemoScale scale, CorpusCache cache, Action<string> log)
    {
        var downloader = new CorpusDownloader(cache, log);
        var brown = downloader.Get(CorpusCatalog.ByName("brown")).Directory;
        var spam = downloader.Get(CorpusCatalog.ByName("spam-assassin")).Directory;
        Directory.CreateDirectory(dataDir);

        void Sample(string source, string name, int maxUnits, bool blankLineUnits, bool keepHeader)
        {
            var target = Path.Combine(dataDir, name);
            if (!File.Exists(target)) LineLimitedCopy.Write(source, target, maxUnits, blankLineUnits, keepHeader);
        }

        Sample(Path.Combine(brown, "pretrain.txt"), PretrainText, scale.PretrainLines, false, false);
        Sample(Path.Combine(brown, "pos", "train.txt"), PosTrain, scale.TrainSentences, true, false);
        Sample(Path.Combine(brown, "pos", "dev.txt"), PosDev, scale.EvalSentences, true, false);
        Sample(Path.Combine(brown, "pos", "test.txt"), PosTest, scale.EvalSentences, true, false);
        Sample(Path.Combine(spam, "train.tsv"), SpamTrain, scale.TrainSentences, false, true);
        Sample(Path.Combine(spam, "dev.tsv"), SpamDev, scale.EvalSentences, false, true);
        Sample(Path.Combine(spam, "test.tsv"), SpamTest, scale.EvalSentences, false, true);
        BuildVocabularies(Path.Combine(dataDir, PretrainText), Path.Combine(dataDir, VocabFolder), scale, log);
    }

    /// <summary>What `charbert vocab build --train pretrain.txt --wordpiece-size N --term-size M` does (cased, as the original).</summary>
    static void BuildVocabularies(string pretrainText, string vocabDir, DemoScale scale, Action<string> log)
    {
        if (new[] { TextResources.VocabFile, TextResources.CharVocabFile, TextResources.TermVocabFile }.All(name => File.Exists(Path.Combine(vocabDir, name))))
            return;
        log($"building vocabularies from {pretrainText} (WordPiece {scale.WordPieceSize}, terms {scale.TermVocabSize})");
        VocabularyBuilder.Build([pretrainText], vocabDir,
            new VocabularyBuildOptions { WordPieceSize = scale.WordPieceSize, LowerCase = false, TermSize = scale.TermVocabSize });
    }
}
