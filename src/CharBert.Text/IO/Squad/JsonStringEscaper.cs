using System.Text;

namespace CharBert.Text.IO.Squad;

/// <summary>Writes a JSON string literal in the style of Python's <c>json.dump</c>, which produced the SQuAD
/// files: only quote, backslash and control characters are escaped, plus every non-ASCII character as
/// <c>\uXXXX</c> when the file is ASCII-only (<c>ensure_ascii=True</c>). System.Text.Json's encoders also escape
/// characters such as <c>+ &lt; &gt; &amp; '</c>, which would change the file's escaping style.</summary>
static class JsonStringEscaper
{
    public static string Quote(string value, bool asciiOnly)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || (asciiOnly && c > 0x7F)) builder.Append($"\\u{(int)c:x4}");
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
