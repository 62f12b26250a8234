using System.Globalization;
using System.Text;

namespace CharBert.Text.Tokenization;

/// <summary>
/// Character classes exactly as the original BERT tokenizer (Python) defines them, on code points.
/// </summary>
public static class UnicodeRules
{
    /// <summary>BERT's _is_whitespace: space, \t, \n, \r or category Zs.</summary>
    public static bool IsBertWhitespace(int cp) =>
        cp is ' ' or '\t' or '\n' or '\r' || Rune.GetUnicodeCategory(new Rune(cp)) == UnicodeCategory.SpaceSeparator;

    /// <summary>BERT's _is_control: any category C* except \t, \n, \r.</summary>
    public static bool IsBertControl(int cp)
    {
        if (cp is '\t' or '\n' or '\r') return false;
        return Rune.GetUnicodeCategory(new Rune(cp)) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
    }

    /// <summary>BERT's _is_punctuation: all non-alphanumeric ASCII plus any category P*.</summary>
    public static bool IsBertPunctuation(int cp)
    {
        if (cp is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126) return true;
        return Rune.GetUnicodeCategory(new Rune(cp)) is UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;
    }

    /// <summary>BERT's _is_chinese_char: the CJK Unified Ideograph blocks (not Hangul, Hiragana or Katakana).</summary>
    public static bool IsCjkIdeograph(int cp) =>
        cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF
            or >= 0x2A700 and <= 0x2B73F or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF
            or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;

    /// <summary>Python's str.isspace (what str.split() and str.strip() split on).</summary>
    public static bool IsPythonSpace(int cp) =>
        cp is >= 0x09 and <= 0x0D or >= 0x1C and <= 0x20 or 0x85 or 0xA0 or 0x1680 or >= 0x2000 and <= 0x200A
            or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000;

    /// <summary>Python's str.split() with no argument: runs of whitespace separate, no empty pieces.</summary>
    public static List<string> SplitOnPythonWhitespace(string text)
    {
        var pieces = new List<string>();
        int start = -1;
        int i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int consumed);
            if (IsPythonSpace(rune.Value))
            {
                if (start >= 0) { pieces.Add(text[start..i]); start = -1; }
            }
            else if (start < 0) start = i;
            i += consumed;
        }
        if (start >= 0) pieces.Add(text[start..]);
        return pieces;
    }

    /// <summary>Python's str.strip() with no argument.</summary>
    public static string StripPythonWhitespace(string text)
    {
        int start = 0, end = text.Length;
        while (start < end && IsPythonSpace(text[start])) start++;
        while (end > start && IsPythonSpace(text[end - 1])) end--;
        return text[start..end];
    }

    /// <summary>The code points of a string, one string per code point (Python's list(str)).</summary>
    public static List<string> CodePoints(string text)
    {
        var result = new List<string>(text.Length);
        foreach (var rune in text.EnumerateRunes()) result.Add(rune.ToString());
        return result;
    }
}
