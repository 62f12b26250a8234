using System.Runtime.CompilerServices;
namespace CharBert.Attacks.Generation;

/// <summary>A text split into whitespace-separated words, remembering the exact separators so the text can be
/// rebuilt byte for byte with some words replaced.</summary>
public sealed class WhitespaceWords
{
    readonly string text;
    readonly int[] starts;

    public IReadOnlyList<string> Words { get; }

    WhitespaceWords(string text, int[] starts, string[] words)
    {
        this.text = text;
        this.starts = starts;
        Words = words;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WhitespaceWords Split(string text)
    {
        var starts = new List<int>();
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i == text.Length) break;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            starts.Add(start);
            words.Add(text[start..i]);
        }
        return new WhitespaceWords(text, starts.ToArray(), words.ToArray());
    }

    /// <summary>UTF-16 offset of word <paramref name="index"/> in the original text.</summary>
    public int StartOf(int index) => starts[index];

    /// <summary>The original text with each word replaced by <paramref name="replacements"/>[i]; separators kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Rebuild(IReadOnlyList<string> replacements)
    {
        if (replacements.Count != Words.Count) throw new ArgumentException("one replacement per word expected");
        var builder = new System.Text.StringBuilder(text.Length + 16);
        var position = 0;
        for (var w = 0; w < Words.Count; w++)
        {
            builder.Append(text, position, starts[w] - position).Append(replacements[w]);
            position = starts[w] + Words[w].Length;
        }
        return builder.Append(text, position, text.Length - position).ToString();
    }
}
