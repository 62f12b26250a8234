using System.Text;
using CharBert.Text.IO;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

public class LineReaderTests
{
    static List<SourceLine> Read(byte[] bytes, out bool hasBom)
    {
        using var reader = new LineReader(new MemoryStream(bytes), "mem.txt");
        hasBom = reader.HasBom;
        return reader.ReadLines().ToList();
    }

    [Test]
    public void Keeps_each_lines_ending_and_a_missing_final_newline()
    {
        var lines = Read(Encoding.UTF8.GetBytes("a\r\nb\n\nc\rd"), out var bom);
        Assert.That(bom, Is.False);
        Assert.That(lines.Select(l => (l.Number, l.Text, l.Ending)), Is.EqualTo(new[]
        {
            (1L, "a", "\r\n"), (2L, "b", "\n"), (3L, "", "\n"), (4L, "c\rd", ""),
        }));
    }

    [Test]
    public void Final_newline_does_not_make_an_extra_empty_line()
    {
        Assert.That(Read(Encoding.UTF8.GetBytes("x\n"), out _).Count, Is.EqualTo(1));
        Assert.That(Read([], out _), Is.Empty);
    }

    [Test]
    public void Detects_and_strips_a_bom()
    {
        var lines = Read([0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i'], out var bom);
        Assert.That(bom, Is.True);
        Assert.That(lines.Single().Text, Is.EqualTo("hi"));
    }

    [Test]
    public void Lines_longer_than_the_read_buffer_are_joined()
    {
        var longLine = new string('w', 200_000);
        var lines = Read(Encoding.UTF8.GetBytes($"{longLine}\nend"), out _);
        Assert.That(lines.Select(l => l.Text), Is.EqualTo(new[] { longLine, "end" }));
    }

    [Test]
    public void Invalid_utf8_names_file_and_line()
    {
        var bytes = Encoding.UTF8.GetBytes("ok\nfine\nbad ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();
        var error = Assert.Throws<DataFormatException>(() => Read(bytes, out _))!;
        Assert.That(error.Line, Is.EqualTo(3));
        Assert.That(error.Message, Does.StartWith("mem.txt:3: invalid UTF-8"));
    }

    [Test]
    public void Missing_file_is_a_data_format_error()
    {
        var error = Assert.Throws<DataFormatException>(() => LineReader.Open("/nonexistent/x.txt"))!;
        Assert.That(error.Message, Is.EqualTo("/nonexistent/x.txt: file not found"));
    }

    [Test]
    public void A_nul_byte_is_refused_with_its_line_like_invalid_utf8()
    {
        var utf16 = Encoding.Unicode.GetBytes("ok\n");
        var error = Assert.Throws<DataFormatException>(() => Read([.. Encoding.UTF8.GetBytes("fine\n"), .. utf16], out _))!;
        Assert.That(error.Message, Is.EqualTo("mem.txt:2: NUL byte at byte 2 of the line (a binary file, or text not saved as UTF-8)"));
    }

    [Test]
    public void Plain_text_is_read_with_the_same_checks_and_a_folder_is_not_a_file()
    {
        using var dir = new TempDirectory();
        Assert.That(PlainText.ReadLines(dir.Write("ok.txt", "a b\nc\n")), Is.EqualTo(new[] { "a b", "c" }));
        Assert.That(() => PlainText.ReadLines(dir.Write("bad.txt", [0x61, 0x0A, 0xC0, 0xAF])).ToList(),
            Throws.TypeOf<DataFormatException>().With.Message.StartsWith(dir.File("bad.txt") + ":2: invalid UTF-8"));
        Assert.That(() => PlainText.ReadLines(dir.Path).ToList(), Throws.TypeOf<DataFormatException>().With.Message.Contains("is a folder, not a file"));
    }
}
