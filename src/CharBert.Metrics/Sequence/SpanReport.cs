using CharBert.Metrics.Classification;

namespace CharBert.Metrics.Sequence;

/// <summary>Entity-level scores as conlleval / seqeval's classification_report print them.
/// <see cref="Overall"/> pools all types (micro average, the number papers report as "NER F1");
/// <see cref="MacroF1"/> is the unweighted mean over <see cref="PerType"/>; <see cref="TokenAccuracy"/>
/// counts every token, O included (conlleval's "accuracy").</summary>
public sealed record SpanReport(
    PrecisionRecallF1 Overall,
    IReadOnlyDictionary<string, PrecisionRecallF1> PerType,
    double TokenAccuracy,
    int Tokens)
{
    public double MacroPrecision => PerType.Count == 0 ? 0 : PerType.Values.Average(p => p.Precision);
    public double MacroRecall => PerType.Count == 0 ? 0 : PerType.Values.Average(p => p.Recall);
    public double MacroF1 => PerType.Count == 0 ? 0 : PerType.Values.Average(p => p.F1);
}
