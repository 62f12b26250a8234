using CharBert.Text.IO.Chunks;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

/// <summary>The line cursor against a plain split at every newline: lines of every length around its 64-byte blocks,
/// "\r\n" and "\n" endings, a lone "\r", blank lines and a last line with or without a newline.</summary>
public class LineCursorTests
{
    static List<ChunkLine> Expected(byte[] bytes)
    {
        var lines = new List<ChunkLine>();
        for (var start = 0; start < bytes.Length;)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', start);
            var end = newline < 0 ? bytes.Length : newline + 1;
            var textEnd = newline < 0 ? bytes.Length : newline > start && bytes[newline - 1] == (byte)'\r' ? newline - 1 : newline;
            lines.Add(new ChunkLine(start, textEnd, end));
            start = end;
        }
        return lines;
    }

    static List<ChunkLine> Walk(byte[] bytes)
    {
        var lines = new List<ChunkLine>();
        for (var cursor = new LineCursor(bytes); cursor.Next(out var line);) lines.Add(line);
        return lines;
    }

    [Test]
    public void Lines_are_those_of_a_plain_split_for_any_lengths_and_endings()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 400; trial++)
        {
            var bytes = new List<byte>();
            for (var line = random.Next(0, 12); line > 0; line--)
            {
                var length = random.Next(4) == 0 ? random.Next(60, 200) : random.Next(0, 20);
                for (var i = 0; i < length; i++) bytes.Add(random.Next(10) == 0 ? (byte)'\r' : (byte)random.Next('a', 'z'));
                if (random.Next(3) == 0) bytes.Add((byte)'\r');
                bytes.Add((byte)'\n');
            }
            if (random.Next(2) == 0) bytes.AddRange("last"u8.ToArray());
            var array = bytes.ToArray();
            Assert.That(Walk(array), Is.EqualTo(Expected(array)), $"trial {trial}: {array.Length} bytes");
        }
        Assert.That(Walk([]), Is.Empty);
        Assert.That(Walk("\n\n"u8.ToArray()), Is.EqualTo(new[] { new ChunkLine(0, 0, 1), new ChunkLine(1, 1, 2) }));
    }
}
