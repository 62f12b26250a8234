namespace CharBert.Attacks.Perturbations;

/// <summary>The result of one perturbation draw. <see cref="Position"/> is the character index the edit
/// acted on (insertion index for add, left index of the pair for swap, start of the pattern for OCR,
/// 0 for whole-word replacements), or -1 when the word had no legal position.
/// A draw that leaves the word as it was (swapping equal letters, a key with no neighbour) has
/// <see cref="Changed"/> false and the original word.</summary>
public readonly record struct PerturbationOutcome(PerturbationType Type, string Word, int Position, bool Changed);

/// <summary>One draw of <see cref="IPerturbation.Apply"/>: where it acted (as <see cref="PerturbationOutcome.Position"/>)
/// and, when it <see cref="Changed"/> the word, how many characters of the changed word it wrote.</summary>
public readonly record struct PerturbationDraw(PerturbationType Type, int Position, int Length, bool Changed)
{
    public static PerturbationDraw NoPosition(PerturbationType type) => new(type, -1, 0, false);

    public static PerturbationDraw Unchanged(PerturbationType type, int position) => new(type, position, 0, false);

    public static PerturbationDraw Written(PerturbationType type, int position, int length) => new(type, position, length, true);
}
