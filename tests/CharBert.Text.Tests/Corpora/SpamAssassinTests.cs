using System.Text.Json;
using CharBert.Text.Corpora.SpamAssassin;
using CharBert.Text.IO;
using NUnit.Framework;

namespace CharBert.Text.Tests.Corpora;

public class SpamAssassinTests
{
    const string HtmlEmail =
        "From someone@example.org  Mon Jan  1 00:00:00 2001\n" +
        "Received: from a\n\tby b\n" +
        "Subject: Cheap   offer\n\t for you\n" +
        "Content-Type: text/html\n" +
        "\n" +
        "<html><head><style>p {color:red}</style></head><!-- hidden -->\n" +
        "<body><p>Buy&nbsp;now &amp; save</p>\tToday\n</body></html>\n";

    [Test]
    public void Email_text_is_subject_then_body_without_headers_or_html()
    {
        // folded subject joined; style block, comment and tags removed; &nbsp; decodes to U+00A0, which the
        // whitespace rule turns into a space like tabs and newlines; &amp; decodes to '&'.
        Assert.That(EmailText.ToClassifierText(HtmlEmail), Is.EqualTo("Cheap offer for you Buy now & save Today"));
    }

    [Test]
    public void Email_without_subject_or_body()
    {
        Assert.That(EmailText.ToClassifierText("From: x\n\nJust a body.\n"), Is.EqualTo("Just a body."));
        Assert.That(EmailText.ToClassifierText("Subject: only headers"), Is.EqualTo("only headers"));
    }

    [Test]
    public void Text_is_truncated_to_max_chars()
    {
        Assert.That(EmailText.ToClassifierText("Subject: abc\n\ndefghij", maxChars: 6), Is.EqualTo("abc de"));
        // never cut inside a surrogate pair: U+1F600 is two chars at positions 4-5
        Assert.That(EmailText.ToClassifierText("Subject: abc \U0001F600x", maxChars: 5), Is.EqualTo("abc"));
    }

    static void WriteEmails(TempFolder temp, string group, int count)
    {
        for (var i = 0; i < count; i++)
            temp.Write($"package/data/{group}/{i:D5}.x.json", JsonSerializer.Serialize(new
            {
                id = $"{i:D5}", group, text = $"Subject: {group} mail {i}\n\nBody\tline {i}\nsecond line",
            }));
        temp.Write($"package/data/{group}/{0:D5}.x.txt", "raw duplicate, must be ignored");
    }

    [Test]
    public void Converts_to_stratified_glue_tsv_splits()
    {
        using var temp = new TempFolder();
        WriteEmails(temp, "easy-ham-1", 6);
        WriteEmails(temp, "easy-ham-2", 2);
        WriteEmails(temp, "hard-ham-1", 2);
        WriteEmails(temp, "spam-1", 5);
        WriteEmails(temp, "spam-2", 5);
        var converter = new SpamAssassinConverter();

        var files = converter.Convert(temp.Combine("package"), temp.Combine("out"));

        // 10 ham and 10 spam; per label 80/10/10 -> 8/1/1
        Assert.That(files.Select(f => (f.Path, f.Items)), Is.EqualTo(new[] { ("train.tsv", 16), ("dev.tsv", 2), ("test.tsv", 2) }));
        var rows = new[] { "train", "dev", "test" }
            .SelectMany(s => File.ReadAllLines(temp.Combine("out", s + ".tsv")).Skip(1)).ToList();
        Assert.That(File.ReadLines(temp.Combine("out", "dev.tsv")).First(), Is.EqualTo("sentence\tlabel"));
        Assert.That(rows, Has.Count.EqualTo(20));
        Assert.That(rows, Has.All.Matches<string>(r => r.Count(c => c == '\t') == 1));
        Assert.That(rows, Has.Member("spam-1 mail 3 Body line 3 second line\t1"));
        Assert.That(rows, Has.Member("hard-ham-1 mail 1 Body line 1 second line\t0"));
        Assert.That(rows.Distinct().Count(), Is.EqualTo(20), "every email lands in exactly one split");
        Assert.That(File.ReadAllLines(temp.Combine("out", "dev.tsv")).Skip(1).Select(r => r[^1]), Is.EqualTo(new[] { '0', '1' }));
    }

    [Test]
    public void Conversion_is_deterministic()
    {
        using var temp = new TempFolder();
        foreach (var group in SpamAssassinConverter.GroupLabels.Keys) WriteEmails(temp, group, 7);
        var converter = new SpamAssassinConverter();
        converter.Convert(temp.Combine("package"), temp.Combine("a"));
        converter.Convert(temp.Combine("package"), temp.Combine("b"));
        foreach (var split in new[] { "train.tsv", "dev.tsv", "test.tsv" })
            Assert.That(File.ReadAllBytes(temp.Combine("b", split)), Is.EqualTo(File.ReadAllBytes(temp.Combine("a", split))));
        Assert.That(converter.Needs("data/spam-1/00001.x.json"), Is.True);
        Assert.That(converter.Needs("data/spam-1/00001.x.txt"), Is.False);
        Assert.That(converter.Needs("data/file_list.json"), Is.False);
    }

    [Test]
    public void Email_without_text_field_names_the_file()
    {
        using var temp = new TempFolder();
        foreach (var group in SpamAssassinConverter.GroupLabels.Keys) WriteEmails(temp, group, 1);
        var bad = temp.Write("package/data/spam-2/99999.bad.json", "{\"id\":\"99999\"}");
        var e = Assert.Throws<DataFormatException>(() => new SpamAssassinConverter().Convert(temp.Combine("package"), temp.Combine("out")));
        Assert.That(e!.Message, Does.StartWith(bad).And.Contain("$.text"));
    }
}
