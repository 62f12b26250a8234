namespace CharBert.Metrics.Squad;

/// <summary>One question's gold answers and the model's answer. No gold answers (or only answers that
/// normalise to "") marks a SQuAD 2.0 unanswerable question; an empty prediction means "no answer".</summary>
public sealed record SquadExample(string Id, IReadOnlyList<string> GoldAnswers, string Prediction);

/// <summary>Exact match and F1 of one question, each in [0, 1].</summary>
public sealed record SquadScore(string Id, bool HasAnswer, double ExactMatch, double F1);

/// <summary>Corpus scores in percent, as the official script prints them; HasAns/NoAns parts are null when
/// the data has no question of that kind.</summary>
public sealed record SquadReport(
    double ExactMatch, double F1, int Total,
    double? HasAnswerExactMatch, double? HasAnswerF1, int HasAnswerTotal,
    double? NoAnswerExactMatch, double? NoAnswerF1, int NoAnswerTotal);
