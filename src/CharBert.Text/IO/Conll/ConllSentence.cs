namespace CharBert.Text.IO.Conll;

/// <summary>One sentence with the lines around it. <see cref="Before"/> holds the blank and <c>-DOCSTART-</c>
/// lines since the previous sentence; <see cref="After"/> is non-empty only for the file's last sentence
/// (the lines that follow it). Writing Before + Tokens + After for every sentence reproduces the file.</summary>
public sealed record ConllSentence(
    IReadOnlyList<ConllOtherLine> Before,
    IReadOnlyList<ConllTokenLine> Tokens,
    IReadOnlyList<ConllOtherLine> After,
    int LabelColumn)
{
    public const string OutsideLabel = "O";

    public IReadOnlyList<string> Words => Tokens.Select(t => t.Word).ToArray();
    public IReadOnlyList<string> Labels => Tokens.Select(t => t.Fields[LabelColumn]).ToArray();

    /// <summary>True when token <paramref name="index"/> is part of an entity (its label is not "O").</summary>
    public bool IsEntity(int index) => Tokens[index].Fields[LabelColumn] != OutsideLabel;

    public IReadOnlyList<int> EntityIndexes => Enumerable.Range(0, Tokens.Count).Where(IsEntity).ToArray();

    public ConllSentence WithWord(int index, string word)
    {
        var tokens = Tokens.ToArray();
        tokens[index] = tokens[index].WithWord(word);
        return this with { Tokens = tokens };
    }

    public ConllSentence WithWords(IReadOnlyList<string> words)
    {
        if (words.Count != Tokens.Count)
            throw new ArgumentException($"expected {Tokens.Count} words for the sentence at line {Tokens[0].LineNumber}, got {words.Count}", nameof(words));
        return this with { Tokens = Tokens.Select((t, i) => t.Word == words[i] ? t : t.WithWord(words[i])).ToArray() };
    }
}
