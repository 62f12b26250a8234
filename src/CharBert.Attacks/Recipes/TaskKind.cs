namespace CharBert.Attacks.Recipes;

/// <summary>How a task's words look: token-level files (CoNLL: one token per line, words are whole tokens) or
/// sentence tasks (GLUE, SQuAD: whitespace-separated words whose attached punctuation is kept intact).</summary>
public enum TaskKind
{
    TokenLevel,
    Sentence,
}
