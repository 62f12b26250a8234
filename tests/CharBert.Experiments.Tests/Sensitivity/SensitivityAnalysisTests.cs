using CharBert.Cli;
using CharBert.Experiments.Results;
using CharBert.Experiments.Sensitivity;
using CharBert.Metrics.Sensitivity;
using CharBert.Modeling.Checkpoints;
using CharBert.Text.IO;
using CharBert.Text.Tasks;
using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;
using NUnit.Framework;
using TorchSharp;

namespace CharBert.Experiments.Tests.Sensitivity;

[NonParallelizable]
public class SensitivityAnalysisTests
{
    static readonly string[][] Clean = [["i", "think", "this", "movie", "was", "great", "."], ["the", "cat", "sat", "on", "the", "mat"]];
    static readonly string[][] Attacked = [["i", "thnik", "this", "moive", "was", "great", "."], ["the", "cat", "sat", "on", "the", "mat"]];

    static SensitivityResult Analyse(string modelDir, string[][] clean, string[][] attacked, SensitivitySettings settings,
        Training.Tasks.WordRewriter? recognizeWords = null)
    {
        var model = ModelDirectory.Load(modelDir, torch.CPU);
        var tokenizer = WordPieceTokenizer.FromVocabFile(Path.Combine(modelDir, "vocab.txt"), WordPieceTokenizerOptions.Cased);
        var chars = CharVocabulary.Load(Path.Combine(modelDir, "bert_char_vocab"));
        var pairs = clean.Select((c, i) => new SentencePair($"s{i}", c, attacked[i])).ToList();
        return SensitivityAnalysis.Run(new WordEncoder(model, tokenizer, chars, settings, torch.CPU), pairs, recognizeWords);
    }

    [Test]
    public void Identical_sentences_have_zero_sensitivity()
    {
        using var dir = new TempFolder();
        var result = Analyse(TinyModelFolder.Create(dir.File("model")), Clean, Clean, new SensitivitySettings(MaxSeqLength: 32, BatchSize: 1));
        Assert.That(result.Words, Has.Count.EqualTo(13));
        Assert.That(result.Words.Select(w => w.OneMinusCos), Has.All.LessThan(1e-5));
        Assert.That(result.Report.AttackedWords, Is.Zero);
        Assert.That(result.Report.All, Is.LessThan(1e-5));
    }

    [Test]
    public void Attacked_words_move_more_and_corpus_S_is_the_mean_of_the_word_values()
    {
        using var dir = new TempFolder();
        var result = Analyse(TinyModelFolder.Create(dir.File("model")), Clean, Attacked, new SensitivitySettings(MaxSeqLength: 32));
        var attackedRows = result.Words.Where(w => w.Attacked).ToList();
        Assert.That(attackedRows.Select(w => $"{w.CleanWord}->{w.AttackedWord}"), Is.EqualTo(new[] { "think->thnik", "movie->moive" }));
        Assert.That(result.Report.AttackedWords, Is.EqualTo(2));
        Assert.That(result.Report.UnattackedWords, Is.EqualTo(11));
        Assert.That(result.Report.Attacked, Is.GreaterThan(result.Report.Unattacked!.Value));
        Assert.That(result.Report.All, Is.EqualTo(result.Words.Average(w => w.OneMinusCos)).Within(1e-9));
        Assert.That(result.Report.Attacked, Is.EqualTo(attackedRows.Average(w => w.OneMinusCos)).Within(1e-9));
    }

    [Test]
    public void A_word_recogniser_in_front_sees_both_sentences_but_rows_keep_the_files_words()
    {
        using var dir = new TempFolder();
        // a perfect recogniser for this attack: the model then sees the clean sentences on both sides
        Training.Tasks.WordRewriter undoAttack = sentences => sentences.Select(s => s.Select(w => w switch { "thnik" => "think", "moive" => "movie", _ => w }).ToArray()).ToArray();
        var result = Analyse(TinyModelFolder.Create(dir.File("model")), Clean, Attacked, new SensitivitySettings(MaxSeqLength: 32), undoAttack);
        Assert.That(result.Words.Where(w => w.Attacked).Select(w => $"{w.CleanWord}->{w.AttackedWord}"), Is.EqualTo(new[] { "think->thnik", "movie->moive" }),
            "attacked means changed by the attack, whatever the recogniser makes of it");
        Assert.That(result.Words.Select(w => w.OneMinusCos), Has.All.LessThan(1e-5));
        Assert.That(result.Report.Attacked, Is.LessThan(1e-5));
    }

    [Test]
    public void Batch_size_does_not_change_the_values()
    {
        using var dir = new TempFolder();
        var model = TinyModelFolder.Create(dir.File("model"));
        var one = Analyse(model, Clean, Attacked, new SensitivitySettings(MaxSeqLength: 32, BatchSize: 1));
        var two = Analyse(model, Clean, Attacked, new SensitivitySettings(MaxSeqLength: 32, BatchSize: 2));
        Assert.That(two.Words.Select(w => w.OneMinusCos), Is.EqualTo(one.Words.Select(w => w.OneMinusCos)).Within(1e-5));
    }

    [Test]
    public void Channel_layer_and_pooling_choose_different_vectors()
    {
        using var dir = new TempFolder();
        var model = TinyModelFolder.Create(dir.File("model"));
        double S(SensitivitySettings s) => Analyse(model, Clean, Attacked, s).Report.All!.Value;
        var concat = S(new SensitivitySettings(MaxSeqLength: 32));
        Assert.That(S(new SensitivitySettings(MaxSeqLength: 32, Channel: RepresentationChannel.Token)), Is.Not.EqualTo(concat).Within(1e-9));
        Assert.That(S(new SensitivitySettings(MaxSeqLength: 32, Channel: RepresentationChannel.Char)), Is.Not.EqualTo(concat).Within(1e-9));
        Assert.That(S(new SensitivitySettings(MaxSeqLength: 32, Layer: 1)), Is.Not.EqualTo(concat).Within(1e-9));
        Assert.That(S(new SensitivitySettings(MaxSeqLength: 32, Pooling: WordPooling.Mean)), Is.Not.EqualTo(concat).Within(1e-9), "thnik/moive split into several subwords");
        Assert.That(() => S(new SensitivitySettings(MaxSeqLength: 32, Layer: 3)), Throws.ArgumentException.With.Message.Contains("layer 3"));
    }

    [Test]
    public void Max_seq_length_beyond_the_position_embeddings_is_refused()
    {
        using var dir = new TempFolder();
        Assert.That(() => Analyse(TinyModelFolder.Create(dir.File("model")), Clean, Attacked, new SensitivitySettings(MaxSeqLength: 128)),
            Throws.ArgumentException.With.Message.Contains("max_position_embeddings"));
    }

    [Test]
    public void Char_channel_on_a_model_without_one_is_refused()
    {
        using var dir = new TempFolder();
        var model = TinyModelFolder.Create(dir.File("model"), useCharChannel: false);
        Assert.That(() => Analyse(model, Clean, Attacked, new SensitivitySettings(MaxSeqLength: 32, Channel: RepresentationChannel.Char)),
            Throws.ArgumentException.With.Message.Contains("char channel"));
    }

    [Test]
    public void A_changed_word_count_names_the_attacked_file_and_record()
    {
        using var dir = new TempFolder();
        var clean = TinyModelFolder.Conll(dir.File("clean.txt"), Clean);
        var attacked = TinyModelFolder.Conll(dir.File("attacked.txt"), Attacked[0], ["the", "cat", "sat"]);
        var e = Assert.Throws<DataFormatException>(() => SensitivityFiles.LoadPairs(TaskId.Ner, clean, attacked))!;
        Assert.That(e.FilePath, Is.EqualTo(attacked));
        Assert.That(e.Problem, Does.Contain("3 words").And.Contain("6"));
    }

    [Test]
    public void Cli_writes_word_and_summary_csvs_that_plot_reads()
    {
        using var dir = new TempFolder();
        var model = TinyModelFolder.Create(dir.File("model"));
        var clean = TinyModelFolder.Conll(dir.File("clean.txt"), Clean);
        var attacked = TinyModelFolder.Conll(dir.File("attacked.txt"), Attacked);
        var root = new System.CommandLine.RootCommand();
        foreach (var command in CommandRegistry.All()) root.Subcommands.Add(command);
        var exit = CliRunner.Invoke(root, ["sensitivity", "--model", model, "--clean", clean, "--attacked", attacked, "--task", "ner",
            "--device", "cpu", "--max-seq-length", "32", "--out", dir.File("out")]);
        Assert.That(exit, Is.EqualTo(0));
        var words = TidyCsv.Read<SensitivityWordRow, SensitivityWordRowMap>(dir.File("out/sensitivity-words.csv"));
        var summary = TidyCsv.Read<SensitivitySummaryRow, SensitivitySummaryRowMap>(dir.File("out/sensitivity-summary.csv"));
        Assert.That(words, Has.Count.EqualTo(13));
        Assert.That(summary.Single(s => s.Split == "all").S, Is.EqualTo(words.Average(w => w.OneMinusCos)).Within(1e-9));
        Assert.That(summary.Single(s => s.Split == "attacked").Words, Is.EqualTo(2));
        var charts = CharBert.Experiments.Charts.ResultPlotter.PlotAll(dir.File("out"));
        Assert.That(charts.Single().PngPath, Does.EndWith("sensitivity-words-s0.png"));
    }
}
