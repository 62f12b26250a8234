using CharBert.Text.IO;
using System.Globalization;
using CharBert.Modeling.Checkpoints;
using CharBert.Text.Tasks;
using CharBert.Training.Runs;
using CharBert.Training.Tasks;
using CharBert.Training.WordRecognition;
using CsvHelper;

namespace CharBert.Training.Evaluation;

/// <summary>Evaluates a fine-tuned model on test files: results.csv (one row per model, task, test file and
/// metric), predictions_&lt;file&gt;.csv per test file and evaluate.json (<see cref="EvaluationRecord"/>: what was
/// evaluated, and with which word recogniser and back-off) in the output directory.</summary>
public static class EvaluateRunner
{
    /// <param name="log">Hears how many lines of each file were read leniently (<see cref="EvaluateSettings.LenientColumns"/>).</param>
    /// <param name="loaded">The model <paramref name="settings"/> names, already loaded (several runs on one model);
    /// null: loaded here and freed before returning.</param>
    public static IReadOnlyList<EvaluationResultRow> Run(EvaluateSettings settings, Action<string>? log = null, EvaluationModel? loaded = null)
    {
        if (loaded is not null && !loaded.Serves(settings))
            throw new ArgumentException($"the loaded model ({loaded.Directory}) is not the one to evaluate ({settings.ModelDirectory}, word recogniser {settings.WordRecognizer ?? "none"}, device {settings.Device})");
        var spec = settings.Task;
        TaskMetadata.Load(settings.ModelDirectory).RequireTask(spec, settings.ModelDirectory);
        var task = FineTuneTaskFactory.ForModel(settings.ModelDirectory);
        if (settings.LenientColumns && task is not TokenTaggingTask)
            throw new ArgumentException($"--lenient-columns reads CoNLL files (tasks ner and pos), not {spec}");
        foreach (var file in settings.TestFiles)
            InputFile.Require(file, "test file");
        var predictionFiles = PredictionFileNames.For(settings.TestFiles);
        if (settings.BatchSize < 1) throw new ArgumentException($"--batch-size must be at least 1 (got {settings.BatchSize})");

        using var owned = loaded is null ? EvaluationModel.Load(settings) : null;
        var evaluated = loaded ?? owned!;
        var (model, recognizer, device) = (evaluated.Model, evaluated.Recognizer, evaluated.Device);
        WordRewriter? rewrite = recognizer is null ? null : sentences => recognizer.RecognizeSentences(sentences);

        Directory.CreateDirectory(settings.Output);
        var modelPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.ModelDirectory));
        // a run's model/ is named after its run directory
        var modelName = Path.GetFileName(modelPath) == RunFiles.Model ? Path.GetFileName(Path.GetDirectoryName(modelPath)!) : Path.GetFileName(modelPath);
        var rows = new List<EvaluationResultRow>();
        var lenientLines = new Dictionary<string, int>();
        foreach (var (file, predictions) in settings.TestFiles.Zip(predictionFiles))
        {
            var data = settings.LenientColumns ? ((TokenTaggingTask)task).Load(file, rewrite, lenientColumns: true) : task.Load(file, rewrite);
            if (settings.LenientColumns)
            {
                lenientLines[Path.GetFullPath(file)] = data.LenientLines;
                log?.Invoke($"{file}: {data.LenientLines} token line(s) with extra fields read leniently (first field = word, last = label)");
            }
            var evaluation = task.Evaluate(model, data, device, settings.BatchSize);
            evaluation.WritePredictions(Path.Combine(settings.Output, predictions));
            rows.AddRange(evaluation.Metrics.Select(m => new EvaluationResultRow(modelName, spec.ToString(), file, m.Key, m.Value)));
        }
        JsonFiles.Write(Path.Combine(settings.Output, EvaluationRecord.FileName), new EvaluationRecord(modelName, modelPath, spec.ToString(),
            settings.TestFiles.Select(Path.GetFullPath).ToArray(),
            recognizer is null ? null : WordRecognizerInfo.Of(recognizer, settings.WordRecognizer!), device.ToString(), predictionFiles)
            { LenientLines = settings.LenientColumns ? lenientLines : null });
        AtomicFile.WriteViaTempPath(Path.Combine(settings.Output, "results.csv"), temp =>
        {
            using var writer = new StreamWriter(temp);
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            csv.Context.RegisterClassMap<SnakeCaseMap<EvaluationResultRow>>();
            csv.WriteRecords(rows);
        });
        return rows;
    }
}
