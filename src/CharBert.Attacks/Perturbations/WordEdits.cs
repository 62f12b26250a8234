using System.Runtime.CompilerServices;

namespace CharBert.Attacks.Perturbations;

/// <summary>Allocation-lean string surgery shared by the perturbations: one new string per edit, made by concatenating
/// spans of the word (no delegate to run at a lower JIT tier while a short run warms up).</summary>
static class WordEdits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string Remove(string word, int index) => string.Concat(word.AsSpan(0, index), word.AsSpan(index + 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string Insert(string word, int index, char c) =>
        string.Concat(word.AsSpan(0, index), new ReadOnlySpan<char>(in c), word.AsSpan(index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string Replace(string word, int index, char c) =>
        string.Concat(word.AsSpan(0, index), new ReadOnlySpan<char>(in c), word.AsSpan(index + 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string SwapAdjacent(string word, int index)
    {
        ReadOnlySpan<char> swapped = [word[index + 1], word[index]];
        return string.Concat(word.AsSpan(0, index), swapped, word.AsSpan(index + 2));
    }

    public static string ReplaceRange(string word, int index, int count, string replacement) =>
        string.Concat(word.AsSpan(0, index), replacement, word.AsSpan(index + count));
}
