using System.Runtime.CompilerServices;

namespace CharBert.Text.IO.Conll;

/// <summary>A token line: its columns and the exact whitespace around them. <see cref="Separators"/> has one
/// more entry than <see cref="Fields"/>: leading whitespace, the runs between fields, trailing whitespace.</summary>
public sealed record ConllTokenLine(long LineNumber, IReadOnlyList<string> Fields, IReadOnlyList<string> Separators, string Ending)
{
    public string Word => Fields[0];

    /// <summary>This line with its first column replaced; every other byte stays as read.</summary>
    public ConllTokenLine WithWord(string word)
    {
        if (!IsValidWord(word))
            throw new ArgumentException($"a CoNLL word must be non-empty, free of spaces, tabs and newlines, and not {ConllOtherLine.DocStartMarker}: '{word}'", nameof(word));
        var fields = Fields.ToArray();
        fields[0] = word;
        return this with { Fields = fields };
    }

    /// <summary>Whether <paramref name="word"/> can be a word column: non-empty, no space, tab or newline, not -DOCSTART-.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsValidWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word) // words are short: a plain loop beats a vectorised search
            if (c is ' ' or '\t' or '\r' or '\n') return false;
        return word.Length > 0 && (word[0] != '-' || !ConllOtherLine.IsDocStartText(word));
    }

    public string Render()
    {
        var builder = new System.Text.StringBuilder(Separators[0]);
        for (var i = 0; i < Fields.Count; i++) builder.Append(Fields[i]).Append(Separators[i + 1]);
        return builder.Append(Ending).ToString();
    }

    internal static ConllTokenLine Parse(SourceLine line)
    {
        var fields = new List<string>(4);
        var separators = new List<string>(5);
        var text = line.Text;
        var position = 0;
        while (true)
        {
            var start = position;
            while (position < text.Length && IsSeparator(text[position])) position++;
            separators.Add(text[start..position]);
            if (position == text.Length) break;
            start = position;
            while (position < text.Length && !IsSeparator(text[position])) position++;
            fields.Add(text[start..position]);
        }
        return new ConllTokenLine(line.Number, fields, separators, line.Ending);
    }

    static bool IsSeparator(char c) => c is ' ' or '\t';
}
