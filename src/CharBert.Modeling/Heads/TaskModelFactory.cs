namespace CharBert.Modeling.Heads;

/// <summary>Builds a task model (on CPU, outside any dispose scope) and applies the original's weight init.
/// ModelKind.Bert, or a config with use_char_channel = false, gives the BERT baseline.</summary>
public static class TaskModelFactory
{
    public static ITaskModel Create(ModelKind kind, TaskHeadKind head, CharBertConfig config, int numLabels)
    {
        config.Validate();
        TaskModel model = head switch
        {
            TaskHeadKind.SequenceClassification => new SequenceClassificationModel(kind, config, RequirePositive(numLabels)),
            TaskHeadKind.TokenClassification => new TokenClassificationModel(kind, config, RequirePositive(numLabels)),
            TaskHeadKind.QuestionAnswering => new QuestionAnsweringModel(kind, config),
            TaskHeadKind.PreTraining => new PreTrainingModel(kind, config),
            _ => throw new ArgumentOutOfRangeException(nameof(head), head, null),
        };
        WeightInitializer.Apply(model, config.InitializerRange);
        return model;
    }

    private static int RequirePositive(int numLabels) =>
        numLabels > 0 ? numLabels : throw new ArgumentException($"numLabels must be positive (got {numLabels})");
}
