namespace CharBert.Attacks.Perturbations;

/// <summary>Allocation-lean string surgery shared by the perturbations (one new string per edit, nothing else).</summary>
static class WordEdits
{
    public static string Remove(string word, int index) => string.Create(word.Length - 1, (word, index), static (dest, s) =>
    {
        s.word.AsSpan(0, s.index).CopyTo(dest);
        s.word.AsSpan(s.index + 1).CopyTo(dest[s.index..]);
    });

    public static string Insert(string word, int index, char c) => string.Create(word.Length + 1, (word, index, c), static (dest, s) =>
    {
        s.word.AsSpan(0, s.index).CopyTo(dest);
        dest[s.index] = s.c;
        s.word.AsSpan(s.index).CopyTo(dest[(s.index + 1)..]);
    });

    public static string Replace(string word, int index, char c) => string.Create(word.Length, (word, index, c), static (dest, s) =>
    {
        s.word.AsSpan().CopyTo(dest);
        dest[s.index] = s.c;
    });

    public static string SwapAdjacent(string word, int index) => string.Create(word.Length, (word, index), static (dest, s) =>
    {
        s.word.AsSpan().CopyTo(dest);
        (dest[s.index], dest[s.index + 1]) = (dest[s.index + 1], dest[s.index]);
    });

    public static string ReplaceRange(string word, int index, int count, string replacement) =>
        string.Concat(word.AsSpan(0, index), replacement, word.AsSpan(index + count));
}
