using System.Globalization;
using System.Text.RegularExpressions;
using CharBert.Experiments.Charts;
using CharBert.Experiments.Reporting;
using CharBert.Experiments.Results;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Reporting;

public class MarkdownReportTests
{
    [Test]
    public void Every_table_cell_equals_the_mean_std_csv()
    {
        using var dir = new TempFolder();
        SyntheticResults.Write(dir.Path);
        var path = MarkdownReport.Write(dir.Path, ResultPlotter.PlotAll(dir.Path));
        var report = File.ReadAllLines(path);
        var expected = new SummaryStore(dir.Path).ReadMeanStd();

        var checkedCells = 0;
        string? task = null, metric = null;
        string[]? header = null;
        foreach (var line in report)
        {
            if (Regex.Match(line, @"^## (\S+): (\S+)$") is { Success: true } h) (task, metric, header) = (h.Groups[1].Value, h.Groups[2].Value, null);
            else if (line.StartsWith("## ")) (task, metric, header) = (null, null, null);
            else if (line.StartsWith("| variant |")) header = Cells(line);
            else if (header != null && line.StartsWith("| ") && !line.StartsWith("|---"))
            {
                var cells = Cells(line);
                for (var c = 1; c < cells.Length; c++)
                {
                    var m = Regex.Match(cells[c], @"^(-?\d+\.\d+) ± (\d+\.\d+) \(n=(\d+)\)$");
                    Assert.That(m.Success, $"cell '{cells[c]}'");
                    var row = expected.Single(r => r.Task == task && r.Metric == metric && r.Variant == cells[0] && r.TestSet == header[c]);
                    Assert.That(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Is.EqualTo(row.Mean).Within(5e-5));
                    Assert.That(double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Is.EqualTo(row.Std).Within(5e-5));
                    Assert.That(int.Parse(m.Groups[3].Value), Is.EqualTo(row.N));
                    checkedCells++;
                }
            }
        }
        Assert.That(checkedCells, Is.EqualTo(expected.Count), "every aggregated number appears once");
    }

    [Test]
    public void A_single_seed_shows_its_value_without_a_spread()
    {
        Assert.That(MarkdownReport.MeanStd(0.73, 0, 1), Is.EqualTo("0.7300 (n=1)"));
        Assert.That(MarkdownReport.MeanStd(0.73, 0.01234, 3), Is.EqualTo("0.7300 ± 0.0123 (n=3)"));
    }

    [Test]
    public void Report_links_charts_relatively_and_records_commands_and_versions()
    {
        using var dir = new TempFolder();
        SyntheticResults.Write(dir.Path);
        var charts = ResultPlotter.PlotAll(dir.Path);
        var text = File.ReadAllText(MarkdownReport.Write(dir.Path, charts));
        foreach (var link in Regex.Matches(text, @"!\[[^\]]*\]\(([^)]+)\)").Select(m => m.Groups[1].Value))
        {
            Assert.That(Path.IsPathRooted(link), Is.False, link);
            Assert.That(File.Exists(Path.Combine(dir.Path, link)), link);
        }
        Assert.That(Regex.Matches(text, @"!\[").Count, Is.EqualTo(charts.Count));
        Assert.That(text, Does.Contain("charbert ablate --spec experiments/synthetic.json"));
        Assert.That(text, Does.Contain("| ScottPlot | 5.1.59"));
        Assert.That(text, Does.Contain("| CsvHelper | 33.1.0"));
        Assert.That(text, Does.Match(@"\| TorchSharp \| 0\.\d+").And.Match(@"\| libtorch \| \d").And.Contain("| CUDA available |"),
            "the training record's fields, from the one environment record type");
    }

    [Test]
    public void Report_shows_the_split_statistics_and_each_variants_gain_over_bert_per_subset()
    {
        using var dir = new TempFolder();
        SyntheticResults.Write(dir.Path);
        var text = File.ReadAllText(MarkdownReport.Write(dir.Path, []));

        static string Part(int part, int whole) => string.Create(CultureInfo.InvariantCulture, $"{part} / {whole} ({100.0 * part / whole:0.0}%)");
        var split = SubwordSplitTable.Read(dir.Path);
        Assert.That(split, Has.Count.EqualTo(SyntheticResults.Variants.Length));
        foreach (var group in split.GroupBy(r => r.SplitWords))
        {
            var r = group.First();
            Assert.That(text, Does.Contain($"| ner | {string.Join(", ", group.Select(g => g.Variant))} | {Part(r.SplitWords, r.Words)} | " +
                                           $"{Part(r.SplitEntities!.Value, r.Entities!.Value)} | {Part(r.SplitEntityWords!.Value, r.EntityWords!.Value)} |"));
        }

        var summary = new SummaryStore(dir.Path).ReadAll();
        var gainRows = text.Split('\n').Where(l => Regex.IsMatch(l, @"^\| ner \| \S+ \| f1 \| ")).Select(Cells).ToList();
        Assert.That(gainRows, Has.Count.EqualTo(2 * (1 + SyntheticResults.Attacks.Length * SyntheticResults.Rates.Length)),
            "charbert and charbert-cnn against bert, on every test set");
        foreach (var cells in gainRows)
        {
            var (testSet, variant) = (cells[1], cells[3]);
            Assert.That(variant, Is.Not.EqualTo("bert"));
            string[] metrics = ["f1.word", "f1.subword", "f1"];
            for (var i = 0; i < metrics.Length; i++)
            {
                double Value(string v, int seed) => summary.Single(r => r.Variant == v && r.Seed == seed && r.TestSet == testSet && r.Metric == metrics[i]).Value;
                var differences = SyntheticResults.Seeds.Select(seed => Value(variant, seed) - Value("bert", seed)).ToList();
                var mean = differences.Average();
                var std = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1));
                Assert.That(cells[4 + i], Is.EqualTo($"{MarkdownReport.FormatNumber(mean)} ± {MarkdownReport.FormatNumber(std)} (n={differences.Count})"),
                    $"{variant} {testSet} {metrics[i]}");
            }
        }
    }

    [Test]
    public void No_results_is_a_clear_error()
    {
        using var dir = new TempFolder();
        Assert.That(() => MarkdownReport.Write(dir.Path, []), Throws.TypeOf<FileNotFoundException>().With.Message.Contains("charbert ablate"));
    }

    static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}
