using System.CommandLine;
using CharBert.Cli.Options;
using CharBert.Text.IO;
using CharBert.Training.Evaluation;

namespace CharBert.Cli.Commands;

/// <summary>`charbert evaluate`: scores a fine-tuned model on test files into results.csv (tidy rows) and
/// per-example predictions files.</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Fine-tuned model directory (a run's model/)", Required = true };
        var task = TaskOption.Create("the task the model was fine-tuned on", required: true, TaskOption.FineTuned);
        var test = new Option<string[]>("--test") { Description = "Test file(s)", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "New folder for results.csv, predictions_<file>.csv and evaluate.json (what was evaluated, with which word recogniser and back-off)", Required = true };
        var overwrite = OverwriteOption.Create();
        var wordRecognizer = new Option<string?>("--word-recognizer") { Description = "ScRNN word recogniser directory (train-wordrec) applied to the words first; its back-off (and background recogniser) come from that directory" };
        var device = DeviceOption.Create();
        var batchSize = new Option<int>("--batch-size") { Description = "Evaluation batch size", DefaultValueFactory = _ => 64 };
        var lenient = new Option<bool>("--lenient-columns")
        {
            Description = "CoNLL files (ner, pos): accept token lines with extra space-separated fields, as the original reader does (first field = word, " +
                          "last = label), e.g. the authors' CharAttack_NER where an edit put a space inside a word; prints how many lines it applied to",
        };

        var command = new Command("evaluate", "Evaluate a fine-tuned model on test files (results.csv + predictions)");
        foreach (var option in new Option[] { model, task, test, output, overwrite, wordRecognizer, device, batchSize, lenient }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            IReadOnlyList<EvaluationResultRow> rows = [];
            OutputFolder.WriteStaged(parse.GetValue(output)!, EvaluationRecord.FileName, parse.GetValue(overwrite), "evaluate results", staging =>
                rows = EvaluateRunner.Run(new EvaluateSettings
                {
                    ModelDirectory = ModelOptions.Resolve(parse.GetValue(model)!), Task = parse.GetValue(task)!, TestFiles = parse.GetValue(test)!,
                    Output = staging, WordRecognizer = parse.GetValue(wordRecognizer), Device = parse.GetValue(device)!,
                    BatchSize = parse.GetValue(batchSize), LenientColumns = parse.GetValue(lenient),
                }, Console.WriteLine));
            foreach (var row in rows) Console.WriteLine($"{row.TestFile}\t{row.Metric}\t{row.Value:F4}");
            return 0;
        });
        return command;
    }
}
