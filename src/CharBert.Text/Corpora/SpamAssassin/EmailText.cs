using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CharBert.Text.Corpora.SpamAssassin;

/// <summary>Turns a raw email (headers, blank line, body) into one line of classifier text:
/// the Subject header's value, a space, then the body with HTML comments, script/style blocks and tags
/// removed and entities decoded; control characters, tabs and newlines become spaces, whitespace runs one
/// space (the GLUE TSV rule: no quoting, so a field may hold no tab or newline); cut to
/// <c>maxChars</c> (never inside a surrogate pair). MIME parts and quoted-printable are not decoded.</summary>
public static partial class EmailText
{
    public const int DefaultMaxChars = 1000;

    [GeneratedRegex(@"<!--.*?-->|<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBlocks();

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex HtmlTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string ToClassifierText(string rawEmail, int maxChars = DefaultMaxChars)
    {
        var email = rawEmail.Replace("\r\n", "\n");
        var headerEnd = email.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = headerEnd < 0 ? email : email[..headerEnd];
        var body = headerEnd < 0 ? "" : email[(headerEnd + 2)..];
        var subject = Subject(headers);
        var bodyText = WebUtility.HtmlDecode(HtmlTags().Replace(HtmlBlocks().Replace(body, " "), " "));
        var text = OneLine(subject.Length > 0 ? subject + " " + bodyText : bodyText);
        return Truncate(text, maxChars);
    }

    /// <summary>The Subject header's value, with folded continuation lines joined ("" when absent).</summary>
    public static string Subject(string headers)
    {
        var lines = headers.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("Subject:", StringComparison.OrdinalIgnoreCase)) continue;
            var value = new StringBuilder(lines[i]["Subject:".Length..]);
            for (var j = i + 1; j < lines.Length && lines[j].Length > 0 && lines[j][0] is ' ' or '\t'; j++)
                value.Append(' ').Append(lines[j]);
            return OneLine(value.ToString());
        }
        return "";
    }

    static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text) builder.Append(char.IsControl(ch) ? ' ' : ch);
        return Whitespace().Replace(builder.ToString(), " ").Trim();
    }

    static string Truncate(string text, int maxChars)
    {
        if (text.Length <= maxChars) return text;
        var cut = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return text[..cut].TrimEnd();
    }
}
