namespace CharBert.Text.IO.Squad;

/// <summary>SQuAD offsets count Python <c>str</c> characters (Unicode code points); .NET strings count UTF-16
/// units. The two differ only after a character outside the Basic Multilingual Plane (e.g. an emoji).</summary>
public static class PythonStringOffsets
{
    /// <summary>The UTF-16 index of code point <paramref name="codePointIndex"/> in <paramref name="text"/>
    /// (<c>text.Length</c> for the end), or null when out of range.</summary>
    public static int? ToUtf16Index(string text, int codePointIndex)
    {
        if (codePointIndex < 0) return null;
        if (!HasSurrogates(text)) return codePointIndex <= text.Length ? codePointIndex : null;
        var codePoints = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (codePoints == codePointIndex) return i;
            codePoints++;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        return codePoints == codePointIndex ? text.Length : null;
    }

    /// <summary>The code-point offset of UTF-16 index <paramref name="utf16Index"/> (for writing answer_start).</summary>
    public static int ToCodePointIndex(string text, int utf16Index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Index, text.Length);
        var prefix = text.AsSpan(0, utf16Index);
        if (!HasSurrogates(prefix)) return utf16Index;
        var codePoints = 0;
        for (var i = 0; i < prefix.Length; i++, codePoints++)
            if (char.IsHighSurrogate(prefix[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        return codePoints;
    }

    static bool HasSurrogates(ReadOnlySpan<char> text) => text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
}
