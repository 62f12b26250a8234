using CharBert.Attacks.Recipes;

namespace CharBert.Attacks.Generation;

/// <summary>One unit the generator attacks: a sentence (CoNLL), a text field (TSV) or a question/context (SQuAD).
/// <paramref name="Id"/> seeds the record's generator, so it must be stable and unique within a run.
/// <paramref name="Allowed"/>[i] false protects word i (null = all allowed).</summary>
public sealed record AttackRecordInput(string Id, IReadOnlyList<string> Words, IReadOnlyList<bool>? Allowed = null);

/// <summary>The attacked words (same count as the input) and the edits that produced them.</summary>
public sealed record AttackRecordResult(string Id, IReadOnlyList<string> Words, IReadOnlyList<WordEdit> Edits)
{
    public bool Changed => Edits.Count > 0;
}
