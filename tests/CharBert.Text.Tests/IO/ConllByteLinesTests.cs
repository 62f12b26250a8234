using System.Text;
using System.Text.RegularExpressions;
using CharBert.Text.IO.Conll;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

/// <summary>The byte-level CoNLL field splitter against a regular expression over the same line: fields are the runs
/// of bytes other than space and tab. Lines of up to 48 bytes, with runs of separators at either end and multi-byte
/// characters; alone and inside a chunk, with and without 32 bytes of chunk after the line's start.</summary>
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
            // The chunk form reads 32 bytes from the line's start when the chunk has them: the bytes after the line
            // (here a newline and more fields) must not count.
            var before = Encoding.UTF8.GetBytes(Pieces[random.Next(Pieces.Length)] + "\n");
            var chunk = (byte[])[.. before, .. bytes, .. "\nx y\tz B-LOC NNP -X- O 1996 trailing\n"u8];
            var shortChunk = (byte[])[.. before, .. bytes];
            foreach (var labelColumn in new[] { -1, 0, 1, 3, 6 })
            {
                var expectedWord = fields.Length > 0 ? fields[0] : default;
                var expectedLabel = labelColumn >= 0 && labelColumn < fields.Length ? fields[labelColumn] : default;
                var count = ConllByteLines.SplitTokenLine(bytes, labelColumn, out var word, out var label);
                Assert.That(count, Is.EqualTo(fields.Length), $"'{line}'");
                Assert.That(word, Is.EqualTo(expectedWord), $"word of '{line}'");
                Assert.That(label, Is.EqualTo(expectedLabel), $"field {labelColumn} of '{line}'");
                foreach (var within in new[] { chunk, shortChunk })
                {
                    count = ConllByteLines.SplitTokenLine(within, before.Length, bytes.Length, labelColumn, out word, out label);
                    Assert.That((count, word, label), Is.EqualTo((fields.Length, expectedWord, expectedLabel)),
                        $"'{line}' in a chunk of {within.Length} bytes, field {labelColumn}");
                }
            }
        }
    }
}
