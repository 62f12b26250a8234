using CharBert.Experiments.Results;
using CharBert.Training.Tasks;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>For token tasks: how the fine-tuned model's tokenizer splits the clean test set (share of words split into
/// several subwords; for NER also entities and entity words), upserted into &lt;results&gt;/subword-split.csv. The
/// per-subset metrics themselves (accuracy.word, f1.subword, ...) come from the evaluate step.</summary>
public sealed class SubwordSplitStep : ICellStep
{
    public string Name => "subword split";

    public void Run(CellContext context, CancellationToken cancellation)
    {
        if (!context.Cell.Task.IsTokenLevel) return;
        var modelDir = context.FinetunedModelDir ?? throw new InvalidOperationException("the subword split runs after fine-tune");
        var task = (TokenTaggingTask)FineTuneTaskFactory.ForModel(modelDir);
        var statistics = task.SplitStatistics(context.DataPath(context.Cell.Task.Test));
        SubwordSplitTable.Upsert(context.ResultsDir, SubwordSplitRow.From(context.Cell.TaskName, context.Cell.Variant, statistics));
    }
}
