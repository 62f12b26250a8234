using System.Text;
using System.Text.RegularExpressions;
using CharBert.Text.IO.Conll;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

/// <summary>The byte-level CoNLL field splitter against a regular expression over the same line: fields are the runs
/// of bytes other than space and tab. Lines of up to 48 bytes, with runs of separators at either end and multi-byte
/// characters.</summary>
public class ConllByteLinesTests
{
    static readonly string[] Pieces = ["a", "B-PER", "NNP", " ", "  ", "\t", "é", "日本", "-X-", "O", "1996"];

    [Test]
    public void Split_token_line_finds_the_fields_a_regular_expression_finds()
    {
        var random = new Random(20261203);
        for (var trial = 0; trial < 4000; trial++)
        {
            var line = new StringBuilder();
            var target = random.Next(0, 48);
            while (Encoding.UTF8.GetByteCount(line.ToString()) < target) line.Append(Pieces[random.Next(Pieces.Length)]);
            var bytes = Encoding.UTF8.GetBytes(line.ToString());
            var fields = Regex.Matches(Encoding.Latin1.GetString(bytes), "[^ \t]+").Select(m => m.Index..(m.Index + m.Length)).ToArray();
            foreach (var labelColumn in new[] { -1, 0, 1, 3, 6 })
            {
                var count = ConllByteLines.SplitTokenLine(bytes, labelColumn, out var word, out var label);
                Assert.That(count, Is.EqualTo(fields.Length), $"'{line}'");
                Assert.That(word, Is.EqualTo(fields.Length > 0 ? fields[0] : default(Range)), $"word of '{line}'");
                Assert.That(label, Is.EqualTo(labelColumn >= 0 && labelColumn < fields.Length ? fields[labelColumn] : default(Range)),
                    $"field {labelColumn} of '{line}'");
            }
        }
    }
}
