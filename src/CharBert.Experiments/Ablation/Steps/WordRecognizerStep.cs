using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;
using CharBert.Text.IO;
using CharBert.Training;
using CharBert.Training.WordRecognition;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>For bert+wordrec: trains the cell's ScRNN word recogniser (Pruthi et al. 2019) on the task's training words
/// (clean words, noised on the fly with Pruthi's noise types) into the run folder, once (the folder is written whole, so
/// a present one is finished), and scores its word recovery on the clean and every attacked test set
/// (word_recovery, word_recovery.attacked). The evaluate and sensitivity steps then put it in front of the model.</summary>
public sealed class WordRecognizerStep : ICellStep
{
    public const string Folder = "word-recognizer";
    public string Name => "word recogniser";

    public void Run(CellContext context, CancellationToken cancellation)
    {
        var model = context.Cell.Model;
        if (model.Kind != ModelSpec.BertWordRec) return;
        var task = context.Cell.Task;
        var directory = Path.Combine(context.RunDir, Folder);
        var device = DeviceResolver.Resolve(context.Spec.Training.Device);
        if (!Directory.Exists(directory))
        {
            var options = (model.WordRecognizer ?? new WordRecognizerSpec()).ToOptions(context.Cell.Seed);
            using var trained = ScrnnTrainer.Train(TaskDocuments.Sentences(task.Id, context.DataPath(task.Train)), options, device);
            AtomicFile.WriteDirectory(directory, trained.Save);
        }
        context.WordRecognizerDir = directory;

        using var recognizer = WordRecognizer.Load(directory, device);
        var clean = TaskDocuments.Sentences(task.Id, context.DataPath(task.Test));
        context.AddResult(MetricNames.WordRecovery, WordRecoveryEvaluation.Score(recognizer, clean, clean).Accuracy);
        foreach (var attack in context.AttackedTestSets)
        {
            cancellation.ThrowIfCancellationRequested();
            var recovery = WordRecoveryEvaluation.Score(recognizer, clean, TaskDocuments.Sentences(task.Id, attack.Path));
            context.AddResult(MetricNames.WordRecovery, recovery.Accuracy, attack);
            if (recovery.AttackedWords > 0) context.AddResult(MetricNames.WordRecoveryAttacked, recovery.AttackedAccuracy, attack);
        }
    }
}
