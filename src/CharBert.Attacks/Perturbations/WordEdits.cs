using System.Runtime.CompilerServices;

namespace CharBert.Attacks.Perturbations;

/// <summary>The character surgery shared by the perturbations: each writes the edited word to a destination that does
/// not overlap the word and returns its length.</summary>
static class WordEdits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Remove(ReadOnlySpan<char> word, int index, Span<char> destination)
    {
        word[..index].CopyTo(destination);
        word[(index + 1)..].CopyTo(destination[index..]);
        return word.Length - 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Insert(ReadOnlySpan<char> word, int index, char c, Span<char> destination)
    {
        word[..index].CopyTo(destination);
        destination[index] = c;
        word[index..].CopyTo(destination[(index + 1)..]);
        return word.Length + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Replace(ReadOnlySpan<char> word, int index, char c, Span<char> destination)
    {
        word.CopyTo(destination);
        destination[index] = c;
        return word.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SwapAdjacent(ReadOnlySpan<char> word, int index, Span<char> destination)
    {
        word.CopyTo(destination);
        (destination[index], destination[index + 1]) = (word[index + 1], word[index]);
        return word.Length;
    }

    public static int ReplaceRange(ReadOnlySpan<char> word, int index, int count, ReadOnlySpan<char> replacement, Span<char> destination)
    {
        word[..index].CopyTo(destination);
        replacement.CopyTo(destination[index..]);
        word[(index + count)..].CopyTo(destination[(index + replacement.Length)..]);
        return word.Length - count + replacement.Length;
    }

    /// <summary>For enumerations: the word an edit writes, as a string (<paramref name="buffer"/> is scratch).</summary>
    public static string NewString(char[] buffer, int length) => new(buffer, 0, length);
}
