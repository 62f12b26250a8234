namespace CharBert.Training.Evaluation;

/// <summary>One tidy row of results.csv: one metric of one model on one test file (columns model, task, test_file,
/// metric, value).</summary>
public sealed record EvaluationResultRow(string Model, string Task, string TestFile, string Metric, double Value);
