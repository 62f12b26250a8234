using CharBert.Attacks.Resources;

namespace CharBert.Attacks.Perturbations;

/// <summary>Builds a perturbation of a given type from the shared settings a recipe chooses.</summary>
public sealed record PerturbationSettings(
    string InsertAlphabet,
    KeyboardMap Keyboard,
    bool AllowEnds = false,
    MisspellingTable? Misspellings = null)
{
    public IPerturbation Create(PerturbationType type) => type switch
    {
        PerturbationType.Drop => new DropPerturbation(AllowEnds),
        PerturbationType.Add => new AddPerturbation(InsertAlphabet, AllowEnds),
        PerturbationType.Swap => new SwapPerturbation(AllowEnds),
        PerturbationType.Keyboard => new KeyboardPerturbation(Keyboard, AllowEnds),
        PerturbationType.Substitute => new SubstitutePerturbation(InsertAlphabet, AllowEnds),
        PerturbationType.Homoglyph => new HomoglyphPerturbation(AllowEnds),
        PerturbationType.Ocr => new OcrPerturbation(allowEnds: AllowEnds),
        PerturbationType.CaseFlip => new CaseFlipPerturbation(AllowEnds),
        PerturbationType.Misspelling => new MisspellingPerturbation(
            Misspellings ?? throw new ArgumentException("the misspelling perturbation needs a table (--misspellings FILE, TSV correct<TAB>misspelling)")),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
