using System.Text;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Chunks;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

/// <summary>Rendering a chunk from results made by hand: the renderer visits only edited words when the edits come in
/// token order (as recipes make them) and every word otherwise, and writes the same bytes either way.</summary>
public class ChunkRenderTests
{
    const string Conll = "Marvin NNP B-NP B-PER\nvisited VBD B-VP O\nNorthport NNP B-NP B-LOC\n\nQuietly RB B-ADVP O\nsinging VBG B-VP O\n";

    static string Render(Func<AttackRecordInput, int, AttackRecordResult> attack)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(Conll));
        using var reader = new ConllAttackFormat().Open(input, "in.txt");
        using var output = new PooledByteBuffer();
        var records = 0;
        while (reader.Read() is { } chunk)
            using (chunk)
            {
                var results = chunk.Records.Select(record => attack(record, records++)).ToArray();
                chunk.Render(results, output);
            }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    static AttackRecordResult With(AttackRecordInput record, params (int Index, string Word)[] edits)
    {
        var words = record.Words.ToArray();
        foreach (var (index, word) in edits) words[index] = word;
        return new AttackRecordResult(record.Id, words,
            edits.Select(e => new WordEdit(e.Index, record.Words[e.Index], e.Word, PerturbationType.Drop, 1)).ToArray());
    }

    [Test]
    public void Edits_in_token_order_and_out_of_it_render_the_same_bytes()
    {
        var expected = Conll.Replace("Marvin", "Mrvin").Replace("Northport", "Nrthport").Replace("singing", "sngng");
        var inOrder = Render((record, r) => r == 0 ? With(record, (0, "Mrvin"), (2, "Nrthport")) : With(record, (1, "sngng")));
        var reversed = Render((record, r) => r == 0 ? With(record, (2, "Nrthport"), (0, "Mrvin")) : With(record, (1, "sngng")));
        Assert.That(inOrder, Is.EqualTo(expected));
        Assert.That(reversed, Is.EqualTo(expected));
    }

    [Test]
    public void Chained_edits_that_restore_a_word_leave_its_bytes_and_the_last_edit_of_a_chain_wins()
    {
        var restored = Render((record, r) =>
        {
            if (r == 1) return With(record);
            var result = With(record, (1, "visted"), (1, "visited"));
            return result with { Edits = [result.Edits[0], result.Edits[1] with { Original = "visted" }] };
        });
        Assert.That(restored, Is.EqualTo(Conll));

        var chained = Render((record, r) => r == 0 ? With(record, (1, "visted"), (1, "vsted")) : With(record));
        Assert.That(chained, Is.EqualTo(Conll.Replace("visited", "vsted")));
    }

    [Test]
    public void A_replacement_that_would_split_the_word_column_is_refused()
    {
        Assert.That(() => Render((record, r) => r == 0 ? With(record, (0, "Mar vin")) : With(record)),
            Throws.InvalidOperationException.With.Message.Contains("Mar vin"));
    }
}
