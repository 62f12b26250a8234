namespace CharBert.Text.IO.Tsv;

/// <summary>Which columns of a TSV hold text_a / text_b / label / id, whether the first line is a header,
/// and the allowed labels (null: any). With a header, a named label column missing from it means an
/// unlabeled (test) file.</summary>
public sealed record TsvLayout(
    string Task,
    bool HasHeader,
    TsvColumn TextA,
    TsvColumn? TextB = null,
    TsvColumn? Label = null,
    TsvColumn? Id = null,
    IReadOnlyList<string>? LabelSet = null);
