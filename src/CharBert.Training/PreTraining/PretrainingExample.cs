using CharBert.Text.Featurization;

namespace CharBert.Training.PreTraining;

/// <summary>One featurised pre-training sequence: model inputs plus the MLM labels (token channel) and the
/// NLM term labels (char channel), both per position with <see cref="MaskedLmMasker.IgnoreLabel"/> (-1) = ignore.</summary>
public sealed record PretrainingExample(InputFeatures Features, int[] MaskedLmLabels, int[] TermLabels);
