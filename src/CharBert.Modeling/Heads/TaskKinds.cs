using System.Text.Json.Serialization;

namespace CharBert.Modeling.Heads;

public enum ModelKind
{
    [JsonStringEnumMemberName("charbert")] CharBert,
    [JsonStringEnumMemberName("bert")] Bert,
}

public enum TaskHeadKind
{
    [JsonStringEnumMemberName("sequence_classification")] SequenceClassification,
    [JsonStringEnumMemberName("token_classification")] TokenClassification,
    [JsonStringEnumMemberName("question_answering")] QuestionAnswering,
    [JsonStringEnumMemberName("pre_training")] PreTraining,
}
