using System.Text;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Attacks.Recipes.Composition;
using CharBert.Attacks.Resources;
using CharBert.Text.Tasks;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

/// <summary>The chunk buffers the generator works in: words decoded from UTF-8 into one character buffer with their
/// ids and protection, and edits whose words grow past what the buffers started with.</summary>
public class ChunkBuffersTests
{
    [Test]
    public void Words_decoded_from_utf8_read_back_as_the_records_they_came_from()
    {
        var inputs = new[]
        {
            new AttackRecordInput("s0", ["Zürich", "plain", "日本語", "𠀀x", ""], [true, false, true, true, false]),
            new AttackRecordInput("s1", []),
            new AttackRecordInput("L7c2", [new string('w', 5000), "end"]),
        };
        using var decoded = new ChunkRecords();
        foreach (var input in inputs)
        {
            for (var w = 0; w < input.Words.Count; w++) decoded.AddWord(Encoding.UTF8.GetBytes(input.Words[w]), input.Allowed?[w] ?? true);
            decoded.EndRecord(input.Id);
        }
        using var fromStrings = ChunkRecords.From(inputs);

        foreach (var records in new[] { decoded, fromStrings })
        {
            var back = records.ToInputs();
            Assert.That(back.Select(r => r.Id), Is.EqualTo(inputs.Select(r => r.Id)));
            Assert.That(back.Select(r => r.Words), Is.EqualTo(inputs.Select(r => r.Words)));
            Assert.That(back[0].Allowed, Is.EqualTo(inputs[0].Allowed));
            Assert.That(back[2].Allowed, Is.EqualTo(new[] { true, true }));
            Assert.That(records.WordCount, Is.EqualTo(7));
        }
    }

    [Test]
    public void Words_read_in_place_from_a_longer_buffer_decode_whatever_bytes_surround_them()
    {
        var random = new Random(11);
        string[] pieces = ["a", "Z", "7", "-", "é", "日", "𠀀", ".", "q"];
        var words = Enumerable.Range(0, 3000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 22)).Select(_ => pieces[random.Next(pieces.Length)]))).ToList();
        var bytes = new List<byte>();
        var places = new List<(int Start, int Length)>();
        foreach (var word in words)
        {
            var encoded = Encoding.UTF8.GetBytes(word);
            places.Add((bytes.Count, encoded.Length));
            bytes.AddRange(encoded);
            bytes.AddRange(Encoding.UTF8.GetBytes(random.Next(2) == 0 ? " " : "é\t"));
        }
        using var records = new ChunkRecords();
        var buffer = bytes.ToArray();
        foreach (var (start, length) in places) records.AddWord(buffer, start, length);
        records.EndRecord("all");
        Assert.That(records.ToInputs()[0].Words, Is.EqualTo(words));
    }

    [Test]
    public void Chained_edits_that_lengthen_a_word_past_the_buffers_start_size_log_each_step()
    {
        var table = MisspellingTable.Parse("long.tsv", ["go\t" + new string('o', 3000), new string('o', 3000) + "\t" + new string('q', 4000)], "long.tsv");
        var recipe = new ChainedMisspellings(table);
        var generator = new AttackSetGenerator(recipe, 1, WordGranularity.TokenLevel);

        var result = generator.Attack(new AttackRecordInput("r", ["go", "stay"]), new AttackCounters());

        Assert.That(result.Words, Is.EqualTo(new[] { new string('q', 4000), "stay" }));
        Assert.That(result.Edits.Select(e => (e.TokenIndex, e.Original.Length, e.Attacked.Length)),
            Is.EqualTo(new[] { (0, 2, 3000), (0, 3000, 4000) }));
    }

    sealed class ChainedMisspellings : AttackRecipe
    {
        public ChainedMisspellings(MisspellingTable table) : base("chained", "test")
        {
            Types = [PerturbationType.Misspelling];
            Constraints = [];
            Editing = new WordEditing(new UniformType([new MisspellingPerturbation(table)]), editsPerWord: 3);
        }
    }
}
