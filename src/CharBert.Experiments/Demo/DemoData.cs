using CharBert.Text.Corpora;
using CharBert.Text.Vocab;

namespace CharBert.Experiments.Demo;

/// <summary>The demo's inputs, all obtained by the toolkit itself: the Brown corpus (POS tagging + pre-training
/// text) and SpamAssassin (spam/ham classification) from the corpus cache, and vocabularies built from the
/// Brown pre-training text.</summary>
public sealed record DemoData(
    string PretrainText, string PosTrain, string PosDev, string PosTest,
    string SpamTrain, string SpamDev, string SpamTest, string VocabDir)
{
    public const string WordPieceFile = "vocab.txt";
    public const string CharVocabFile = "bert_char_vocab";
    public const string TermVocabFile = "term_vocab";

    /// <summary>Fetches (or finds cached) corpora, writes size-limited copies into <paramref name="dataDir"/>
    /// and builds the vocabularies there. Idempotent: files already present are kept.</summary>
    public static DemoData Prepare(string dataDir, DemoScale scale, CorpusCache cache, Action<string> log)
    {
        var downloader = new CorpusDownloader(cache, log);
        var brown = downloader.Get(CorpusCatalog.ByName("brown")).Directory;
        var spam = downloader.Get(CorpusCatalog.ByName("spam-assassin")).Directory;
        Directory.CreateDirectory(dataDir);

        string Limited(string source, string name, int maxUnits, bool blankLineUnits, bool keepHeader)
        {
            var target = Path.Combine(dataDir, name);
            if (!File.Exists(target))
                LineLimitedCopy.Write(source, target, maxUnits, blankLineUnits, keepHeader);
            return target;
        }

        var data = new DemoData(
            PretrainText: Limited(Path.Combine(brown, "pretrain.txt"), "pretrain.txt", scale.PretrainLines, false, false),
            PosTrain: Limited(Path.Combine(brown, "pos", "train.txt"), "pos-train.txt", scale.TrainSentences, true, false),
            PosDev: Limited(Path.Combine(brown, "pos", "dev.txt"), "pos-dev.txt", scale.EvalSentences, true, false),
            PosTest: Limited(Path.Combine(brown, "pos", "test.txt"), "pos-test.txt", scale.EvalSentences, true, false),
            SpamTrain: Limited(Path.Combine(spam, "train.tsv"), "spam-train.tsv", scale.TrainSentences, false, true),
            SpamDev: Limited(Path.Combine(spam, "dev.tsv"), "spam-dev.tsv", scale.EvalSentences, false, true),
            SpamTest: Limited(Path.Combine(spam, "test.tsv"), "spam-test.tsv", scale.EvalSentences, false, true),
            VocabDir: Path.Combine(dataDir, "vocab"));
        data.BuildVocabularies(scale, log);
        return data;
    }

    void BuildVocabularies(DemoScale scale, Action<string> log)
    {
        Directory.CreateDirectory(VocabDir);
        var wordPiece = Path.Combine(VocabDir, WordPieceFile);
        var chars = Path.Combine(VocabDir, CharVocabFile);
        var terms = Path.Combine(VocabDir, TermVocabFile);
        if (File.Exists(wordPiece) && File.Exists(chars) && File.Exists(terms)) return;

        log($"building vocabularies from {PretrainText} (WordPiece {scale.WordPieceSize}, terms {scale.TermVocabSize})");
        var corpus = File.ReadLines(PretrainText).Where(l => l.Length > 0).ToList();
        WordPieceVocabularyTrainer.TrainToFile(corpus,
            new WordPieceTrainerOptions { VocabSize = scale.WordPieceSize, LowerCase = false }, wordPiece);
        CharVocabulary.Build(corpus, maxChars: 999).Save(chars);           // <= 1001 entries, as the original's
        TermVocabulary.Build(corpus, scale.TermVocabSize, lowerCase: false).Save(terms);
    }
}
