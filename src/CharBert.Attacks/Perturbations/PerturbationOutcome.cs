namespace CharBert.Attacks.Perturbations;

/// <summary>The result of one perturbation draw. <see cref="Position"/> is the character index the edit
/// acted on (insertion index for add, left index of the pair for swap, start of the pattern for OCR,
/// 0 for whole-word replacements), or -1 when the word had no legal position.
/// A draw that leaves the word as it was (swapping equal letters, a key with no neighbour) has
/// <see cref="Changed"/> false and the original word.</summary>
public readonly record struct PerturbationOutcome(PerturbationType Type, string Word, int Position, bool Changed)
{
    public static PerturbationOutcome NoPosition(PerturbationType type, string word) => new(type, word, -1, false);
}
