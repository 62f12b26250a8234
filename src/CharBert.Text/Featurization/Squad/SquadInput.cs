namespace CharBert.Text.Featurization.Squad;

/// <summary>
/// A question over a context, with the context split on whitespace as the original SquadInput does
/// (space, \t, \r, \n, U+202F), and the answer's character span (in code points, as Python counts) mapped to word indices.
/// </summary>
public sealed record SquadInput
{
    public SquadInput(string question, string context, int? answerStart, string? answerText, bool isImpossible)
    {
        Question = question;
        Context = context;
        AnswerText = answerText;
        IsImpossible = isImpossible;
        var words = new List<string>();
        var charToWord = new List<int>(context.Length);
        bool previousWhitespace = true;
        foreach (var rune in context.EnumerateRunes())
        {
            if (rune.Value is ' ' or '\t' or '\r' or '\n' or 0x202F) previousWhitespace = true;
            else
            {
                if (previousWhitespace) words.Add(rune.ToString());
                else words[^1] += rune.ToString();
                previousWhitespace = false;
            }
            charToWord.Add(words.Count - 1);
        }
        DocTokens = words;
        CharToWordOffset = charToWord;
        if (answerStart is { } start && answerText is not null && !isImpossible)
        {
            if (start < 0 || start >= charToWord.Count)
                throw new ArgumentOutOfRangeException(nameof(answerStart), $"Answer start {start} is outside the context ({charToWord.Count} characters).");
            int answerLength = answerText.EnumerateRunes().Count();
            StartWord = charToWord[start];
            EndWord = charToWord[Math.Min(start + answerLength - 1, charToWord.Count - 1)];
        }
    }

    public string Question { get; }
    public string Context { get; }
    public string? AnswerText { get; }
    public bool IsImpossible { get; }
    public IReadOnlyList<string> DocTokens { get; }
    public IReadOnlyList<int> CharToWordOffset { get; }
    /// <summary>Word index of the answer start (0 when there is no answer, as the original).</summary>
    public int StartWord { get; }
    public int EndWord { get; }
}
