using System.Runtime.CompilerServices;

namespace CharBert.Attacks.Recipes;

/// <summary>Classifies words that recipes may protect: numbers, URLs, punctuation.</summary>
public static class TokenClass
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAllDigits(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        foreach (var c in word) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>Digits with optional sign, decimal/thousands separators and a percent sign ("1,200", "-3.5%").</summary>
    public static bool IsNumber(ReadOnlySpan<char> word)
    {
        var digits = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (c is not ('.' or ',' or '-' or '+' or '%')) return false;
        }
        return digits > 0;
    }

    public static bool IsUrl(ReadOnlySpan<char> word) =>
        word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ||
        (word.Contains('@') && word.Contains('.'));

    /// <summary>True when the word has no letter and no digit.</summary>
    public static bool IsPunctuation(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (char.IsLetterOrDigit(c)) return false;
        return true;
    }
}
