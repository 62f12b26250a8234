namespace CharBert.Text.IO.Conll;

/// <summary>A line that is not a token: a (possibly whitespace-only) blank line or a <c>-DOCSTART-</c> line,
/// kept verbatim so the writer reproduces it.</summary>
public sealed record ConllOtherLine(long LineNumber, string Text, string Ending)
{
    public const string DocStartMarker = "-DOCSTART-";

    public bool IsDocStart => IsDocStartText(Text);

    internal static bool IsDocStartText(ReadOnlySpan<char> text) => text.TrimStart(" \t").StartsWith(DocStartMarker, StringComparison.Ordinal);
}
