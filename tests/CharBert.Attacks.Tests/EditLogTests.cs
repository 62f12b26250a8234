using System.Globalization;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Output;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Chunks;
using CsvHelper;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

/// <summary>The hand-written edit-log writer against CsvHelper, which wrote the log before and still reads it: the
/// same bytes for fields full of quotes, commas, spaces, line breaks and non-ASCII text.</summary>
public class EditLogTests
{
    static readonly string[] Pieces = ["a", "\"", ",", " ", "\n", "\r", "\r\n", "é", "日本", "𠀀", "x y", "\t", "=1", "-", "'"];

    static string RandomField(ref SplitMix64 rng)
    {
        var parts = new string[rng.NextInt(6) == 0 ? 8 + rng.NextInt(12) : rng.NextInt(5)]; // short fields and long ones, which take different paths
        for (var i = 0; i < parts.Length; i++) parts[i] = Pieces[rng.NextInt(Pieces.Length)];
        return string.Concat(parts);
    }

    /// <summary>Numbers of one, two and more digits take different paths.</summary>
    static int SometimesLarge(ref SplitMix64 rng) => rng.NextInt(3) == 0 ? rng.NextInt(100_000) : 0;

    [Test]
    public void Rows_are_byte_identical_to_csvhelpers_and_read_back_unchanged()
    {
        var rng = new SplitMix64(3);
        var results = new List<AttackRecordResult>();
        using var records = new ChunkRecords();
        using var chunkEdits = new ChunkEdits();
        for (var r = 0; r < 400; r++)
        {
            var edits = Enumerable.Range(0, rng.NextInt(4)).Select(i =>
                new WordEdit(i + SometimesLarge(ref rng), RandomField(ref rng), RandomField(ref rng), (PerturbationType)rng.NextInt(9),
                    rng.NextInt(20) - 1 + SometimesLarge(ref rng))).ToArray();
            results.Add(new AttackRecordResult(RandomField(ref rng), [], edits));
            records.EndRecord(results[^1].Id);
            foreach (var edit in edits) chunkEdits.Add(edit.TokenIndex, edit.Original, edit.Attacked, edit.Type, edit.Position);
            chunkEdits.EndRecord();
        }
        const string recipe = "rec,\"ipe\" ";

        using var ours = new PooledByteBuffer();
        ours.Write(EditLog.Header.Span);
        EditLog.AppendRows(records, chunkEdits, recipe, ours);

        var theirs = new MemoryStream();
        using (var writer = new StreamWriter(theirs, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
        using (var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            csv.WriteHeader<EditLogRow>();
            csv.NextRecord();
            foreach (var result in results)
            foreach (var edit in result.Edits)
            {
                csv.WriteRecord(new EditLogRow(result.Id, edit.TokenIndex, edit.Original, edit.Attacked, edit.Type.ToName(), edit.Position, recipe));
                csv.NextRecord();
            }
        }
        Assert.That(ours.WrittenSpan.ToArray(), Is.EqualTo(theirs.ToArray()));

        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("log.csv"), ours.WrittenSpan.ToArray());
        var read = EditLog.Read(dir.File("log.csv"));
        Assert.That(read.Select(r => (r.RecordId, r.Original, r.Attacked, r.Recipe)),
            Is.EqualTo(results.SelectMany(r => r.Edits.Select(e => (r.Id, e.Original, e.Attacked, recipe)))));
    }
}
