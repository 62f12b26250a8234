using System.Text;
using CharBert.Text.IO;
using CharBert.Text.IO.Tsv;
using CharBert.TestSupport;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

public class TsvTests
{
    static byte[] RoundTrip(string path, TsvLayout layout)
    {
        using var reader = TsvReader.Open(path, layout);
        var output = new MemoryStream();
        TsvWriter.Write(output, reader.Header, reader.ReadRecords(), reader.HasBom);
        return output.ToArray();
    }

    static List<TsvRecord> Read(string text, TsvLayout layout, out TsvReader reader)
    {
        reader = new TsvReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "mem.tsv", layout);
        return reader.ReadRecords().ToList();
    }

    [Test]
    public void Real_qnli_dev_round_trips_byte_identical()
    {
        var path = SharedPaths.RequireFile("data/glue-qnli/dev.tsv");
        ByteAssert.Identical(RoundTrip(path, GlueLayouts.Qnli), File.ReadAllBytes(path));

        using var reader = TsvReader.Open(path, GlueLayouts.Qnli);
        var records = reader.ReadRecords().ToList();
        Assert.That(records, Has.Count.EqualTo(File.ReadAllText(path).TrimEnd('\n').Split('\n').Length - 1));
        Assert.That(reader.Schema, Is.EqualTo(new TsvSchema(4, 1, 2, 3, 0, GlueLayouts.Qnli.LabelSet)));
        Assert.That(records[0].TextA, Does.EndWith("?"));
    }

    static readonly object[] GlueFiles =
    [
        new object[] { GlueLayouts.Qnli, "index\tquestion\tsentence\tlabel\n0\tWho wrote \"It\"?\tKing wrote \"It\".\tentailment\n", "Who wrote \"It\"?", "King wrote \"It\".", "entailment" },
        new object[] { GlueLayouts.Mrpc, "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t11\t12\tShe left .\tShe went away .\r\n", "She left .", "She went away .", "1" },
        new object[] { GlueLayouts.Cola, "gj04\t1\t\tThe cat sat.\ngj04\t0\t*\tCat the sat.\n", "The cat sat.", null!, "1" },
        new object[] { GlueLayouts.Sst2, "sentence\tlabel\nit 's a charming journey \t1\n", "it 's a charming journey ", null!, "1" },
        new object[] { GlueLayouts.Rte, "index\tsentence1\tsentence2\tlabel\n0\tA dog runs.\tAn animal moves.\tentailment", "A dog runs.", "An animal moves.", "entailment" },
        new object[] { GlueLayouts.Qqp, "id\tqid1\tqid2\tquestion1\tquestion2\tis_duplicate\n7\t1\t2\tHow to cook?\tHow do I cook?\t1\n", "How to cook?", "How do I cook?", "1" },
    ];

    [TestCaseSource(nameof(GlueFiles))]
    public void Each_glue_layout_reads_its_columns_and_round_trips(TsvLayout layout, string text, string textA, string? textB, string label)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("task.tsv", text, bom: layout == GlueLayouts.Mrpc);
        ByteAssert.Identical(RoundTrip(path, layout), File.ReadAllBytes(path));

        using var reader = TsvReader.Open(path, layout);
        var first = reader.ReadRecords().First();
        Assert.That((first.TextA, first.TextB, first.Label), Is.EqualTo((textA, textB, label)));
        Assert.That(reader.HasBom, Is.EqualTo(layout == GlueLayouts.Mrpc));
        Assert.That(reader.Schema.TextColumns, Has.Count.EqualTo(textB == null ? 1 : 2));
    }

    [Test]
    public void Test_files_without_the_label_column_are_unlabeled()
    {
        var records = Read("index\tquestion\tsentence\n0\tWhy?\tBecause.\n", GlueLayouts.Qnli, out var reader);
        using (reader)
        {
            Assert.That(reader.Schema.HasLabels, Is.False);
            Assert.That((records[0].Id, records[0].TextA, records[0].TextB, records[0].Label), Is.EqualTo(("0", "Why?", "Because.", (string?)null)));
        }
        var cola = Read("index\tsentence\n0\tThe cat sat.\n", GlueLayouts.ColaTest, out var colaReader);
        colaReader.Dispose();
        Assert.That(cola[0].TextA, Is.EqualTo("The cat sat."));
    }

    [Test]
    public void Quotes_are_literal_and_only_tabs_split()
    {
        var records = Read("sentence\tlabel\n\"a, \"\"quoted\"\" one\t0\n", GlueLayouts.Sst2, out var reader);
        reader.Dispose();
        Assert.That(records[0].TextA, Is.EqualTo("\"a, \"\"quoted\"\" one"));
    }

    [Test]
    public void Generic_layout_by_index_without_header()
    {
        var layout = new TsvLayout("custom", false, TsvColumn.At(2), TsvColumn.At(0), TsvColumn.At(1), null, ["yes", "no"]);
        var records = Read("b text\tyes\ta text\r\nB\tno\tA", layout, out var reader);
        reader.Dispose();
        Assert.That(records.Select(r => (r.TextA, r.TextB, r.Label, r.Ending)),
            Is.EqualTo(new[] { ("a text", (string?)"b text", (string?)"yes", "\r\n"), ("A", "B", "no", "") }));
    }

    [Test]
    public void Replacing_text_b_changes_only_that_field()
    {
        const string text = "index\tquestion\tsentence\tlabel\r\n0\tQ one?\tS one.\tentailment\r\n1\tQ two?\tS two.\tnot_entailment";
        var records = Read(text, GlueLayouts.Qnli, out var reader);
        records[1] = records[1].WithTextB("S twoo.");
        var output = new MemoryStream();
        TsvWriter.Write(output, reader.Header, records, reader.HasBom);
        reader.Dispose();
        Assert.That(Encoding.UTF8.GetString(output.ToArray()), Is.EqualTo(text.Replace("S two.", "S twoo.")));
        Assert.Throws<ArgumentException>(() => records[0].WithTextA("tab\tinside"));
    }

    static DataFormatException Fails(string text, TsvLayout layout) =>
        Assert.Throws<DataFormatException>(() => Read(text, layout, out _))!;

    [Test]
    public void Bad_input_is_reported_with_file_and_line()
    {
        Assert.That(Fails("index\tquestion\tsentence\tlabel\n0\tQ\tS\tentailment\n1\tQ\tS\n", GlueLayouts.Qnli).Message,
            Is.EqualTo("mem.tsv:3: wrong column count: expected 4 tab-separated fields, found 3"));
        Assert.That(Fails("index\tquestion\tsentence\tlabel\n0\tQ\tS\tcontradiction\n", GlueLayouts.Qnli).Message,
            Is.EqualTo("mem.tsv:2: unknown label 'contradiction' for qnli (expected one of: entailment, not_entailment)"));
        Assert.That(Fails("", GlueLayouts.Qnli).Message, Is.EqualTo("mem.tsv: empty file"));
        Assert.That(Fails("id\tquestion\n", GlueLayouts.Rte).Message, Does.StartWith("mem.tsv:1: rte: header has no column 'sentence1'"));
        Assert.That(Fails("a\tb\n", new TsvLayout("x", false, TsvColumn.Named("a"))).Message, Does.Contain("given by name but the layout has no header"));
        var invalid = Encoding.UTF8.GetBytes("sentence\tlabel\nok\t1\n").Concat(new byte[] { 0x80, 0x09, 0x31, 0x0A }).ToArray();
        Assert.That(Assert.Throws<DataFormatException>(() =>
        {
            using var reader = new TsvReader(new MemoryStream(invalid), "mem.tsv", GlueLayouts.Sst2);
            reader.ReadRecords().ToList();
        })!.Message, Does.StartWith("mem.tsv:3: invalid UTF-8"));
    }

    [Test]
    public void Layouts_are_found_by_task_name()
    {
        Assert.That(GlueLayouts.ByName("SST2"), Is.SameAs(GlueLayouts.Sst2));
        Assert.That(GlueLayouts.ByName("qnli"), Is.SameAs(GlueLayouts.Qnli));
        Assert.Throws<ArgumentException>(() => GlueLayouts.ByName("mnli"));
    }
}
