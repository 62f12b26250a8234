using System.Text;
using System.Text.RegularExpressions;
using CharBert.Text.IO.Chunks;
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

    static readonly string[] Lines =
    [
        "Marvin NNP B-NP B-PER", "visited VBD B-VP O", "- : O O", "-LRB- -LRB- O O", "-DOCSTART- -X- -X- O", "  -DOCSTART- -X- O O",
        "", " ", "\t", "  \t ", "\u00A0", "\u00A0x NN O O", "\u000B", "\u001Cx", "\u0007 NN O O", "é NN O O", "日本 NNP B-NP B-LOC",
        " indented NN O O", "\tindented NN O O", "a", "x" + new string('y', 70) + " NN O O",
    ];

    [Test]
    public void Count_sentences_agrees_with_a_line_by_line_count()
    {
        var random = new Random(20261204);
        for (var trial = 0; trial < 3000; trial++)
        {
            var text = new StringBuilder();
            var lines = random.Next(0, 40);
            for (var l = 0; l < lines; l++)
            {
                text.Append(random.Next(3) == 0 ? Lines[random.Next(7, Lines.Length)] : Lines[random.Next(Lines.Length)]);
                if (l < lines - 1 || random.Next(2) == 0) text.Append(random.Next(5) == 0 ? "\r\n" : "\n");
            }
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            Assert.That(ConllByteLines.CountSentences(bytes), Is.EqualTo(CountLineByLine(bytes)), $"'{text}'");
        }
    }

    static int CountLineByLine(byte[] chunk)
    {
        var (count, previousIsToken) = (0, false);
        for (var cursor = new LineCursor(chunk); cursor.Next(out var line);)
        {
            var isToken = ConllByteLines.IsTokenLine(line.Text(chunk));
            if (isToken && !previousIsToken) count++;
            previousIsToken = isToken;
        }
        return count;
    }
}
