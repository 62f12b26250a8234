using CharBert.Text.Corpora;
using CharBert.Text.IO;
using CharBert.Text.Vocab;
using CharBert.Training.Tasks;

namespace CharBert.Experiments.Demo;

/// <summary>The demo's inputs, all obtained by the toolkit itself: the Brown corpus (POS tagging + adaptation text), the
/// State of the Union addresses (adaptation text, pretrained start only) and SpamAssassin (spam/ham classification)
/// from the corpus cache, sampled to the demo's size; from scratch also vocabularies built from the Brown text (a
/// pretrained encoder brings its own). The file names are the ones the demo spec refers to. The adaptation text comes
/// from Brown's training files only, so no dev or test sentence is seen in pre-training.</summary>
public static class DemoData
{
    public const string PretrainText = "pretrain.txt";
    public const string PosTrain = "pos-train.txt", PosDev = "pos-dev.txt", PosTest = "pos-test.txt";
    public const string SpamTrain = "spam-train.tsv", SpamDev = "spam-dev.tsv", SpamTest = "spam-test.tsv";
    public const string VocabFolder = "vocab";

    /// <summary>Fetches (or finds cached) corpora, writes evenly spaced samples into <paramref name="dataDir"/> and, when
    /// <paramref name="buildVocabularies"/>, the vocabularies the training code reads (<see cref="TextResources"/>).
    /// Idempotent: files already present are kept.</summary>
    public static void Prepare(string dataDir, DemoScale scale, CorpusCache cache, bool buildVocabularies, Action<string> log)
    {
        var downloader = new CorpusDownloader(cache, log);
        var brown = downloader.Get(CorpusCatalog.ByName("brown")).Directory;
        var spam = downloader.Get(CorpusCatalog.ByName("spam-assassin")).Directory;
        var sotu = scale.SotuAddresses > 0 ? downloader.Get(CorpusCatalog.ByName("sotu")).Directory : null;
        Directory.CreateDirectory(dataDir);

        void Sample(string source, string name, int maxUnits, bool blankLineUnits, bool keepHeader)
        {
            var target = Path.Combine(dataDir, name);
            if (!File.Exists(target)) LineLimitedCopy.Write(source, target, maxUnits, blankLineUnits, keepHeader);
        }

        WritePretrainText(Path.Combine(dataDir, PretrainText), Path.Combine(brown, "pretrain.txt"), scale.PretrainLines,
            sotu is null ? null : Path.Combine(sotu, "pretrain.txt"), scale.SotuAddresses);
        Sample(Path.Combine(brown, "pos", "train.txt"), PosTrain, scale.TrainSentences, true, false);
        Sample(Path.Combine(brown, "pos", "dev.txt"), PosDev, scale.EvalSentences, true, false);
        Sample(Path.Combine(brown, "pos", "test.txt"), PosTest, scale.EvalSentences, true, false);
        Sample(Path.Combine(spam, "train.tsv"), SpamTrain, scale.SpamTrain, false, true);
        Sample(Path.Combine(spam, "dev.tsv"), SpamDev, scale.SpamEval, false, true);
        Sample(Path.Combine(spam, "test.tsv"), SpamTest, scale.SpamEval, false, true);
        if (buildVocabularies) BuildVocabularies(Path.Combine(dataDir, PretrainText), Path.Combine(dataDir, VocabFolder), scale, log);
    }

    /// <summary>An evenly spaced sample of Brown's training sentences, then (pretrained start) of whole State of the Union
    /// addresses, one plain-text file.</summary>
    static void WritePretrainText(string target, string brownText, int brownLines, string? sotuText, int sotuAddresses)
    {
        if (File.Exists(target)) return;
        var parts = new List<string>();
        try
        {
            parts.Add(target + ".brown");
            LineLimitedCopy.Write(brownText, parts[^1], brownLines, blankLineUnits: false, keepHeader: false);
            if (sotuText is not null)
            {
                parts.Add(target + ".sotu");
                LineLimitedCopy.Write(sotuText, parts[^1], sotuAddresses, blankLineUnits: true, keepHeader: false);
            }
            AtomicFile.Write(target, stream =>
            {
                foreach (var part in parts)
                    using (var input = File.OpenRead(part)) input.CopyTo(stream);
            });
        }
        finally
        {
            foreach (var part in parts) File.Delete(part);
        }
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
