using System.Text;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Chunks;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

/// <summary>Rendering a chunk from edits made by hand: only the last edit of each token counts, whatever the order of the
/// edits, and a replacement that would break the file's structure is refused.</summary>
public class ChunkRenderTests
{
    const string Conll = "Marvin NNP B-NP B-PER\nvisited VBD B-VP O\nNorthport NNP B-NP B-LOC\n\nQuietly RB B-ADVP O\nsinging VBG B-VP O\n";

    /// <summary>Renders <see cref="Conll"/> with, for each record, the edits <paramref name="attack"/> returns
    /// (token index, attacked word; a token's original is its word or its previous attacked form).</summary>
    static string Render(Func<int, (int Index, string Word)[]> attack)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(Conll));
        using var reader = new ConllAttackFormat().Open(input, "in.txt");
        using var output = new PooledByteBuffer();
        using var edits = new ChunkEdits();
        var records = 0;
        while (reader.Read() is { } chunk)
            using (chunk)
            {
                edits.Clear();
                for (var r = 0; r < chunk.Records.Count; r++)
                {
                    var words = chunk.Records.ToInputs()[r].Words;
                    var current = words.ToArray();
                    foreach (var (index, word) in attack(records++))
                    {
                        edits.Add(index, current[index], word, PerturbationType.Drop, 1);
                        current[index] = word;
                    }
                    edits.EndRecord();
                }
                chunk.Render(edits, output);
            }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Test]
    public void Edits_in_token_order_and_out_of_it_render_the_same_bytes()
    {
        var expected = Conll.Replace("Marvin", "Mrvin").Replace("Northport", "Nrthport").Replace("singing", "sngng");
        var inOrder = Render(r => r == 0 ? [(0, "Mrvin"), (2, "Nrthport")] : [(1, "sngng")]);
        var reversed = Render(r => r == 0 ? [(2, "Nrthport"), (0, "Mrvin")] : [(1, "sngng")]);
        var interleaved = Render(r => r == 0 ? [(2, "Nrthprt"), (0, "Mrvin"), (2, "Nrthport")] : [(1, "sngng")]);
        Assert.That(inOrder, Is.EqualTo(expected));
        Assert.That(reversed, Is.EqualTo(expected));
        Assert.That(interleaved, Is.EqualTo(expected));
    }

    [Test]
    public void Chained_edits_that_restore_a_word_leave_its_bytes_and_the_last_edit_of_a_chain_wins()
    {
        var restored = Render(r => r == 0 ? [(1, "visted"), (1, "visited")] : []);
        Assert.That(restored, Is.EqualTo(Conll));

        var chained = Render(r => r == 0 ? [(1, "visted"), (1, "vsted")] : []);
        Assert.That(chained, Is.EqualTo(Conll.Replace("visited", "vsted")));
    }

    [Test]
    public void A_replacement_that_would_split_the_word_column_is_refused()
    {
        Assert.That(() => Render(r => r == 0 ? [(0, "Mar vin")] : []),
            Throws.InvalidOperationException.With.Message.Contains("Mar vin"));
    }

    /// <summary>Replacements of 1 to 20 characters, mostly printable ASCII (written by the renderer's vector path when
    /// up to 16 long and not starting with '-'), some with a '-' first, a non-ASCII character, a control character or
    /// a space: each renders as its UTF-8 in place of the word, or is refused when it would break the line.</summary>
    [Test]
    public void Any_replacement_renders_as_its_utf8_or_is_refused_when_it_would_break_the_line()
    {
        var random = new Random(20261205);
        const string printable = "abcXYZ019!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        string[] odd = ["-", "é", "日", "\u0001", "\u007F", " ", "\t", "\u00A0"];
        for (var trial = 0; trial < 2000; trial++)
        {
            var word = new StringBuilder();
            var length = random.Next(1, 21);
            for (var i = 0; i < length; i++)
                word.Append(random.Next(12) == 0 ? odd[random.Next(odd.Length)] : printable[random.Next(printable.Length)].ToString());
            var replacement = random.Next(40) == 0 ? "-DOCSTART-" : word.ToString();
            var valid = replacement.All(c => c is not (' ' or '\t' or '\r' or '\n')) && replacement != "-DOCSTART-";
            if (valid)
                Assert.That(Render(r => r == 1 ? [(1, replacement)] : []), Is.EqualTo(Conll.Replace("singing", replacement)), replacement);
            else
                Assert.That(() => Render(r => r == 1 ? [(1, replacement)] : []), Throws.InvalidOperationException, replacement);
        }
    }
}
