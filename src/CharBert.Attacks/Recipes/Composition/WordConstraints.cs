using System.Runtime.CompilerServices;
using CharBert.Attacks.Resources;

namespace CharBert.Attacks.Recipes.Composition;

/// <summary>A rule on a word alone that can keep it from being attacked (TextAttack's pre-transformation
/// constraints). A recipe's eligible words are those every one of its constraints allows and the task does not
/// protect (e.g. non-entities with <c>--tokens entities</c>). Constraints draw no random numbers.</summary>
public interface IWordConstraint
{
    bool Allows(ReadOnlySpan<char> word);
}

/// <summary>Words shorter than <paramref name="Length"/> characters are left alone.</summary>
public sealed record MinWordLength(int Length) : IWordConstraint
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Allows(ReadOnlySpan<char> word) => word.Length >= Length;
}

/// <summary>Tokens made of ASCII digits only ("1996") are left alone.</summary>
public sealed record NotAllDigits : IWordConstraint
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Allows(ReadOnlySpan<char> word) => !TokenClass.IsAllDigits(word);
}

/// <summary>Numbers with signs, separators or a percent sign ("1,200", "-3.5%") are left alone.</summary>
public sealed record NotNumber : IWordConstraint
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Allows(ReadOnlySpan<char> word) => !TokenClass.IsNumber(word);
}

/// <summary>URLs and e-mail addresses are left alone.</summary>
public sealed record NotUrl : IWordConstraint
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Allows(ReadOnlySpan<char> word) => !TokenClass.IsUrl(word);
}

/// <summary>Words without a letter or digit are left alone.</summary>
public sealed record NotPunctuation : IWordConstraint
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Allows(ReadOnlySpan<char> word) => !TokenClass.IsPunctuation(word);
}

/// <summary>Stopwords (case-insensitive) are left alone.</summary>
public sealed record NotStopword(StopwordList Stopwords) : IWordConstraint
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Allows(ReadOnlySpan<char> word) => !Stopwords.Contains(word);
}

/// <summary>The listed words (exact match) are left alone.</summary>
public sealed record NotListed(IReadOnlySet<string> Words) : IWordConstraint
{
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup =
        new HashSet<string>(Words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Allows(ReadOnlySpan<char> word) => !lookup.Contains(word);
}
