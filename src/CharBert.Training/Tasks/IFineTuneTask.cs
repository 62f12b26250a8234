using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Tasks;
using static TorchSharp.torch;

namespace CharBert.Training.Tasks;

/// <summary>Rewrites the words of many sentences at once (one output word per input word).</summary>
public delegate string[][] WordRewriter(IReadOnlyList<string[]> sentences);

/// <summary>What differs between fine-tuning tasks: the head, the label set, how a file is read and
/// featurised, and how model outputs become predictions and metrics.</summary>
public interface IFineTuneTask
{
    TaskId Spec { get; }
    TaskHeadKind Head { get; }
    /// <summary>Label names in id order (QA: none; the head has 2 outputs).</summary>
    IReadOnlyList<string> Labels { get; }
    int NumLabels { get; }
    /// <summary>Reads and featurises a file. <paramref name="recognizeWords"/> (e.g. the ScRNN word recogniser)
    /// rewrites the words of every sentence before featurisation; labels and gold answers are unchanged.</summary>
    TaskDataset Load(string path, WordRewriter? recognizeWords = null);
    TaskEvaluation Evaluate(ITaskModel model, TaskDataset data, Device device, int batchSize);
}
