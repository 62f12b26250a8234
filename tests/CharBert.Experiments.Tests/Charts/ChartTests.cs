using CharBert.Experiments.Charts;
using CharBert.Experiments.Results;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Charts;

public class ChartTests
{
    static void AssertImage(string png, int width, int height)
    {
        Assert.That(PngInfo.Read(png), Is.EqualTo((width, height)), png);
        Assert.That(new FileInfo(png).Length, Is.GreaterThan(10_000), $"{png} looks empty");
        var svg = Path.ChangeExtension(png, ".svg");
        Assert.That(File.ReadAllText(svg), Does.StartWith("<svg").Or.Contain("<svg"), svg);
    }

    [Test]
    public void Every_chart_kind_is_rendered_from_a_results_folder()
    {
        using var dir = new TempFolder();
        SyntheticResults.Write(dir.Path);
        var charts = ResultPlotter.PlotAll(dir.Path);
        var names = charts.Select(c => Path.GetFileNameWithoutExtension(c.PngPath)).ToList();
        Assert.That(names, Is.SupersetOf(new[]
        {
            "clean-vs-attacked-ner-f1", "relative-drop-ner-f1", "rate-ner-f1-drop", "rate-ner-f1-keyboard",
            "ablation-deltas-ner-f1", "word-vs-subword-ner-f1-clean", "word-vs-subword-ner-f1-drop-0.3",
            "sensitivity-ner-drop-0.3", "sensitivity-words-s0", "training-curves",
        }));
        foreach (var chart in charts.Where(c => !c.PngPath.Contains("sensitivity-words")))
            AssertImage(chart.PngPath, ChartFile.DefaultWidth, ChartFile.DefaultHeight);
        Assert.That(charts.Select(c => c.Title), Has.All.Not.Empty);
    }

    [Test]
    public void Replotting_is_a_pure_function_of_the_csvs()
    {
        using var dir = new TempFolder();
        SyntheticResults.Write(dir.Path);
        var first = ResultPlotter.PlotAll(dir.Path).Select(c => File.ReadAllBytes(c.PngPath)).ToList();
        var second = ResultPlotter.PlotAll(dir.Path).Select(c => File.ReadAllBytes(c.PngPath)).ToList();
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Per_word_sensitivity_chart_labels_each_word_pair()
    {
        using var dir = new TempFolder();
        var words = new List<SensitivityWordRow>
        {
            new(0, 0, "I", "I", false, 0.01), new(0, 1, "think", "thnik", true, 0.42), new(0, 2, "so", "so", false, 0.02),
        };
        var plot = ResultCharts.SentenceSensitivity(words, "Figure 8 style");
        AssertImage(ChartFile.Save(plot, dir.Path, "words", 800, 500), 800, 500);
        var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label).ToList();
        Assert.That(ticks, Is.EqualTo(new[] { "I", "think→thnik", "so" }));
    }

    [Test]
    public void Relative_drop_is_computed_from_the_means()
    {
        AggregateRow Row(string testSet, string attack, double rate, double mean) => new("bert", "ner", testSet, attack, rate, "f1", 3, mean, 0.01);
        var rows = new[] { Row("clean", ResultRow.NoAttack, 0, 0.80), Row("drop@0.3", "drop", 0.3, 0.60) };
        var plot = ResultCharts.RelativeDrop(rows, "ner", "f1", 0.3);
        var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.That(bars.Single().Value, Is.EqualTo(25.0).Within(1e-9)); // (0.80 - 0.60) / 0.80 = 25 %
    }

    [Test]
    public void Missing_results_folder_is_a_clear_error() =>
        Assert.Throws<DirectoryNotFoundException>(() => ResultPlotter.PlotAll("/nonexistent/results"));
}
