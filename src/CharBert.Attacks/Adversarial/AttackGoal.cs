namespace CharBert.Attacks.Adversarial;

/// <summary>What the search minimises and when it has succeeded, for one example.</summary>
public interface IAttackGoal
{
    /// <summary>Lower is closer to success (the greedy search keeps the lowest).</summary>
    double Score(Prediction prediction);

    bool IsSuccess(Prediction prediction);

    /// <summary>What is reported per number of edits: 1/0 correctness, or F1 for QA.</summary>
    double Quality(Prediction prediction);
}

/// <summary>Classification: minimise the gold class probability; success when the arg-max is not gold.</summary>
public sealed record ClassificationGoal(int GoldLabel) : IAttackGoal
{
    static ClassPrediction Cast(Prediction p) => p as ClassPrediction ?? throw new ArgumentException($"expected a ClassPrediction, got {p.GetType().Name}");
    public double Score(Prediction prediction) => Cast(prediction).Probabilities[GoldLabel];
    public bool IsSuccess(Prediction prediction) => Cast(prediction).ArgMax() != GoldLabel;
    public double Quality(Prediction prediction) => IsSuccess(prediction) ? 0 : 1;
}

/// <summary>Token classification: success when any gold entity token (label not "O") gets another label.
/// Score = entity tokens still right, plus the mean confidence on them when the target reports it (tie-break).</summary>
public sealed record TokenClassificationGoal(IReadOnlyList<string> GoldLabels, string OutsideLabel = "O") : IAttackGoal
{
    static TokenLabelsPrediction Cast(Prediction p) => p as TokenLabelsPrediction ?? throw new ArgumentException($"expected a TokenLabelsPrediction, got {p.GetType().Name}");

    public double Score(Prediction prediction)
    {
        var p = Cast(prediction);
        double correct = 0, confidence = 0;
        var entities = 0;
        for (var i = 0; i < GoldLabels.Count; i++)
        {
            if (GoldLabels[i] == OutsideLabel) continue;
            entities++;
            if (p.Labels[i] == GoldLabels[i]) correct++;
            if (p.Confidences != null) confidence += p.Confidences[i];
        }
        return entities == 0 ? 0 : correct + confidence / entities / 2;
    }

    public bool IsSuccess(Prediction prediction)
    {
        var p = Cast(prediction);
        for (var i = 0; i < GoldLabels.Count; i++)
            if (GoldLabels[i] != OutsideLabel && p.Labels[i] != GoldLabels[i]) return true;
        return false;
    }

    public double Quality(Prediction prediction) => IsSuccess(prediction) ? 0 : 1;
}

/// <summary>Extractive QA: minimise the F1 of the predicted answer against the gold answers (the scorer is
/// injected so the SQuAD metric lives in one place, CharBert.Metrics); success when F1 falls to
/// <paramref name="SuccessF1"/> or below.</summary>
public sealed record QaGoal(IReadOnlyList<string> GoldAnswers, Func<string, IReadOnlyList<string>, double> F1, double SuccessF1 = 0) : IAttackGoal
{
    static SpanPrediction Cast(Prediction p) => p as SpanPrediction ?? throw new ArgumentException($"expected a SpanPrediction, got {p.GetType().Name}");
    public double Score(Prediction prediction) => F1(Cast(prediction).Text, GoldAnswers) + Cast(prediction).Confidence * 1e-3;
    public bool IsSuccess(Prediction prediction) => F1(Cast(prediction).Text, GoldAnswers) <= SuccessF1;
    public double Quality(Prediction prediction) => F1(Cast(prediction).Text, GoldAnswers);
}
