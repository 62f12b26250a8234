using System.Globalization;
using System.Text;

namespace CharBert.Text.Tokenization;

/// <summary>
/// CPython 3's <c>str.lower()</c>, written by hand: no .NET API has its semantics. <see cref="string.ToLowerInvariant"/>
/// applies the simple one-to-one mappings only, and keeps 'İ' (U+0130) unchanged. Python adds the unconditional
/// entries of SpecialCasing.txt (the only one that lower-cases to more than one character is 'İ' → "i̇", i.e. 'i' +
/// U+0307) and the one conditional rule that is not language-specific, Final_Sigma: 'Σ' becomes 'ς' when a cased
/// letter precedes it and none follows (case-ignorable characters in between are skipped), 'σ' otherwise. All other
/// characters take .NET's simple mapping, which is Python's; property tables follow the runtime's Unicode version.
/// </summary>
public static class PythonCase
{
    const char CapitalSigma = '\u03A3';
    const char CapitalIWithDot = '\u0130';

    /// <summary><c>text.lower()</c>.</summary>
    public static string Lower(string text) => Lower(text, sigmaInContext: true);

    /// <summary>Each character lower-cased on its own, as the original tokenizer's <c>re.sub(..., m.group().lower())</c>
    /// over single characters does: the same as <see cref="Lower"/> except that 'Σ' never sees its neighbours and is always 'σ'.</summary>
    public static string LowerEachCharacter(string text) => Lower(text, sigmaInContext: false);

    static string Lower(string text, bool sigmaInContext)
    {
        var simple = text.ToLowerInvariant();
        if (text.AsSpan().IndexOfAny(CapitalSigma, CapitalIWithDot) < 0) return simple;
        var builder = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case CapitalIWithDot: builder.Append("i\u0307"); break;
                case CapitalSigma: builder.Append(sigmaInContext && IsFinalSigma(text, i) ? 'ς' : 'σ'); break;
                default: builder.Append(simple[i]); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>CPython's handle_capital_sigma: <c>\p{cased} \p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased})</c>.</summary>
    static bool IsFinalSigma(string text, int index)
    {
        var before = text.AsSpan(0, index);
        Rune rune = default;
        while (Rune.DecodeLastFromUtf16(before, out rune, out var length) == System.Buffers.OperationStatus.Done && IsCaseIgnorable(rune))
            before = before[..^length];
        if (before.IsEmpty || !IsCased(rune)) return false;
        var after = text.AsSpan(index + 1);
        while (Rune.DecodeFromUtf16(after, out rune, out var length) == System.Buffers.OperationStatus.Done && IsCaseIgnorable(rune))
            after = after[length..];
        return after.IsEmpty || !IsCased(rune);
    }

    /// <summary>Unicode's Cased property, for characters that are not case-ignorable (the only ones the rule asks
    /// about): letters Lu, Ll, Lt, plus the Other_Lowercase / Other_Uppercase symbols that are not modifiers.</summary>
    static bool IsCased(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        || rune.Value is 0xAA or 0xBA                        // ª º
            or >= 0x2160 and <= 0x217F                       // Roman numerals
            or >= 0x24B6 and <= 0x24E9                       // circled Latin letters
            or >= 0x1F130 and <= 0x1F149 or >= 0x1F150 and <= 0x1F169 or >= 0x1F170 and <= 0x1F189; // squared / negative Latin capitals

    /// <summary>Unicode's Case_Ignorable: categories Mn, Me, Cf, Lm, Sk, and Word_Break MidLetter, MidNumLet, Single_Quote.</summary>
    static bool IsCaseIgnorable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || rune.Value is '\'' or '.' or ':' or 0xB7 or 0x387 or 0x55F or 0x5F4 or 0x2018 or 0x2019 or 0x2024 or 0x2027
            or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;
}
