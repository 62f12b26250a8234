namespace CharBert.Experiments.Results;

/// <summary>Naming conventions for metrics in summary.csv that charts and reports recognise.</summary>
public static class MetricNames
{
    /// <summary>Corpus sensitivity S = mean(1 − cos) over all words, and over attacked / unattacked words only.</summary>
    public const string Sensitivity = "sensitivity";
    public const string SensitivityAttacked = "sensitivity.attacked";
    public const string SensitivityUnattacked = "sensitivity.unattacked";

    /// <summary>A task metric restricted to words kept whole by the tokenizer ("f1.word") or split into
    /// several subwords ("f1.subword").</summary>
    public const string WordSuffix = ".word";
    public const string SubwordSuffix = ".subword";

    /// <summary>A word recogniser's (bert+wordrec) word recovery on a test set: the share of words it turns back into the
    /// clean word (case-insensitive), over all words and over the words the attack changed.</summary>
    public const string WordRecovery = "word_recovery";
    public const string WordRecoveryAttacked = "word_recovery.attacked";

    public static bool IsSensitivity(string metric) => metric.StartsWith(Sensitivity, StringComparison.Ordinal);

    public static bool IsWordRecovery(string metric) => metric.StartsWith(WordRecovery, StringComparison.Ordinal);

    public static bool IsSplit(string metric) =>
        metric.EndsWith(WordSuffix, StringComparison.Ordinal) || metric.EndsWith(SubwordSuffix, StringComparison.Ordinal);

    /// <summary>Task metrics proper (not sensitivity, not the word/subword split, not word recovery).</summary>
    public static bool IsTaskMetric(string metric) => !IsSensitivity(metric) && !IsSplit(metric) && !IsWordRecovery(metric);
}
