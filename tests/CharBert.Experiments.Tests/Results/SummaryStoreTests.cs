using CharBert.Experiments.Results;
using CharBert.Text.IO;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Results;

public class SummaryStoreTests
{
    static ResultRow Row(string variant, int seed, string metric, double value, string attack = ResultRow.NoAttack, double rate = 0) =>
        new(variant, seed, "ner", attack == ResultRow.NoAttack ? "clean" : $"{attack}@{rate}", attack, rate, metric, value);

    [Test]
    public void Rows_round_trip_through_summary_csv()
    {
        using var dir = new TempFolder();
        var store = new SummaryStore(dir.Path);
        var rows = new[] { Row("charbert", 1, "f1", 0.91), Row("charbert", 1, "f1", 0.75, "drop", 0.3) };
        store.AppendCell(rows[0].Cell, rows);
        Assert.That(store.ReadAll(), Is.EqualTo(rows));
        Assert.That(File.ReadLines(store.SummaryPath).First(), Is.EqualTo("variant,seed,task,test_set,attack,rate,metric,value"));
    }

    [Test]
    public void Mean_std_over_seeds_matches_hand_computation()
    {
        using var dir = new TempFolder();
        var store = new SummaryStore(dir.Path);
        // values 0.80, 0.90, 1.00: mean 0.9, sample std sqrt((0.01 + 0 + 0.01) / 2) = 0.1
        foreach (var (seed, value) in new[] { (1, 0.80), (2, 0.90), (3, 1.00) })
            store.AppendCell(new CellKey("bert", seed, "ner"), [Row("bert", seed, "f1", value)]);
        var aggregate = store.ReadMeanStd().Single();
        Assert.That(aggregate.N, Is.EqualTo(3));
        Assert.That(aggregate.Mean, Is.EqualTo(0.9).Within(1e-12));
        Assert.That(aggregate.Std, Is.EqualTo(0.1).Within(1e-12));
    }

    [Test]
    public void Single_seed_has_zero_std() =>
        Assert.That(Aggregation.MeanStd([0.5]), Is.EqualTo((0.5, 0.0)));

    [Test]
    public void Appending_a_cell_again_replaces_its_rows_instead_of_duplicating()
    {
        using var dir = new TempFolder();
        var store = new SummaryStore(dir.Path);
        var cell = new CellKey("bert", 1, "ner");
        store.AppendCell(cell, [Row("bert", 1, "f1", 0.5)]);
        store.AppendCell(new CellKey("bert", 2, "ner"), [Row("bert", 2, "f1", 0.6)]);
        store.AppendCell(cell, [Row("bert", 1, "f1", 0.7)]);
        Assert.That(store.ReadAll().Select(r => (r.Seed, r.Value)), Is.EquivalentTo(new[] { (2, 0.6), (1, 0.7) }));
        Assert.That(store.FinishedCells(), Is.EquivalentTo(new[] { cell, new CellKey("bert", 2, "ner") }));
    }

    [Test]
    public void A_cell_without_rows_or_with_foreign_rows_is_refused()
    {
        using var dir = new TempFolder();
        var store = new SummaryStore(dir.Path);
        Assert.Throws<ArgumentException>(() => store.AppendCell(new CellKey("bert", 1, "ner"), []));
        Assert.Throws<ArgumentException>(() => store.AppendCell(new CellKey("bert", 1, "ner"), [Row("bert", 2, "f1", 0.1)]));
        Assert.That(File.Exists(store.SummaryPath), Is.False);
    }

    [Test]
    public void A_bad_value_names_file_line_and_column()
    {
        using var dir = new TempFolder();
        var path = dir.Write("summary.csv",
            "variant,seed,task,test_set,attack,rate,metric,value\nbert,1,ner,clean,none,0,f1,0.5\nbert,2,ner,clean,none,0,f1,oops\n");
        var e = Assert.Throws<DataFormatException>(() => new SummaryStore(dir.Path).ReadAll())!;
        Assert.That(e.FilePath, Is.EqualTo(path));
        Assert.That(e.Line, Is.EqualTo(3));
        Assert.That(e.Problem, Does.Contain("oops").And.Contain("value"));
    }

    [Test]
    public void A_missing_column_is_named()
    {
        using var dir = new TempFolder();
        dir.Write("summary.csv", "variant,seed,task,test_set,attack,rate,metric\nbert,1,ner,clean,none,0,f1\n");
        var e = Assert.Throws<DataFormatException>(() => new SummaryStore(dir.Path).ReadAll())!;
        Assert.That(e.Problem, Does.Contain("'value'"));
    }
}
