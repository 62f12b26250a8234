using System.Text;
using CharBert.Text.IO;
using CharBert.Text.IO.Chunks;
using CharBert.Text.IO.Conll;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

/// <summary>The chunked reader behind streaming attacks: chunks put back together are the file (BOM aside), each starts
/// at the right line number, cuts fall where the caller allows, and one line longer than the chunk size still fits.</summary>
public class LineChunkReaderTests
{
    static List<(byte[] Bytes, long FirstLine, int Lines)> ReadAll(byte[] file, int chunkBytes, Func<ReadOnlySpan<byte>, int>? cut = null)
    {
        using var reader = new LineChunkReader(new MemoryStream(file), "in.txt", chunkBytes);
        var chunks = new List<(byte[], long, int)>();
        while (reader.Read(cut) is { } chunk)
            using (chunk) chunks.Add((chunk.Bytes.ToArray(), chunk.FirstLine, chunk.LineCount));
        return chunks;
    }

    [TestCase(16)]
    [TestCase(100)]
    [TestCase(4096)]
    public void Chunks_reassemble_the_file_and_know_their_line_numbers(int chunkBytes)
    {
        var lines = Enumerable.Range(1, 500).Select(i => new string('x', i % 37) + $" line {i}" + (i % 3 == 0 ? "\r\n" : "\n")).ToArray();
        lines[^1] = lines[^1].TrimEnd(); // no final newline
        var text = string.Concat(lines) + new string('y', 3 * chunkBytes); // the last line is longer than a chunk
        var chunks = ReadAll([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], chunkBytes);
        Assert.That(chunks.SelectMany(c => c.Bytes), Is.EqualTo(Encoding.UTF8.GetBytes(text)));
        var expectedFirst = 1L;
        foreach (var (_, first, count) in chunks)
        {
            Assert.That(first, Is.EqualTo(expectedFirst));
            expectedFirst += count;
        }
        Assert.That(expectedFirst - 1, Is.EqualTo(500));
        Assert.That(chunks.Take(chunks.Count - 1).All(c => c.Bytes[^1] == (byte)'\n'), "only the last chunk may end without a newline");
    }

    [Test]
    public void A_cut_rule_keeps_conll_sentences_whole()
    {
        var sentences = Enumerable.Range(0, 200).Select(s => string.Concat(Enumerable.Range(0, 1 + s % 9).Select(t => $"w{s}_{t} NN O\n")) + "\n");
        var file = Encoding.UTF8.GetBytes(string.Concat(sentences));
        var chunks = ReadAll(file, 40, ConllByteLines.LastSentenceBoundary);
        Assert.That(chunks.SelectMany(c => c.Bytes), Is.EqualTo(file));
        Assert.That(chunks.All(c => c.Bytes.AsSpan().EndsWith("\n\n"u8)), "every chunk ends after a blank line");
        Assert.That(chunks, Has.Count.GreaterThan(50));
    }

    [Test]
    public void Empty_and_bom_only_files_are_empty()
    {
        Assert.That(new LineChunkReader(new MemoryStream([]), "a").IsEmpty, Is.True);
        var bomOnly = new LineChunkReader(new MemoryStream([0xEF, 0xBB, 0xBF]), "b");
        Assert.That(bomOnly.IsEmpty && bomOnly.HasBom, Is.True);
        Assert.That(bomOnly.Read(), Is.Null);
    }

    [Test]
    public void Utf8_check_reports_the_line_and_byte_like_the_line_reader()
    {
        byte[] file = [.. "fine\nstill fine\r\nab"u8, 0xE2, 0x82, .. "\nmore\n"u8];
        var expected = Assert.Throws<DataFormatException>(() => new LineReader(new MemoryStream(file), "in.txt").ReadLines().ToList())!.Message;
        Assert.That(Utf8Check.FirstProblem(file, 1, "in.txt", rejectNul: false)!.Message, Is.EqualTo(expected));
        Assert.That(Utf8Check.FirstProblem(file.AsSpan(5), 2, "in.txt", rejectNul: false)!.Message, Is.EqualTo(expected));
        Assert.That(Utf8Check.FirstProblem("a\nb\0c\n"u8, 7, "in.txt", rejectNul: true)!.Message, Is.EqualTo("in.txt:8: NUL byte at byte 2 of the line (a binary file, or text not saved as UTF-8)"));
        Assert.That(Utf8Check.FirstProblem("a\nb\0c\n"u8, 7, "in.txt", rejectNul: false), Is.Null);
    }
}
