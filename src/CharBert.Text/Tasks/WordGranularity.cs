namespace CharBert.Text.Tasks;

/// <summary>How a task's words look: token-level files (CoNLL: one token per line, words are whole tokens) or
/// sentence tasks (GLUE, SQuAD, plain text: whitespace-separated words whose attached punctuation is kept intact).</summary>
public enum WordGranularity
{
    TokenLevel,
    Sentence,
}
