using System.Text.Json.Nodes;
using CharBert.Experiments.Ablation;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Experiments.Charts;
using CharBert.Experiments.Reporting;
using CharBert.Experiments.Specs;
using CharBert.Text.Corpora;

namespace CharBert.Experiments.Demo;

/// <summary>What `charbert demo` produced: where, and the headline comparison.</summary>
public sealed record DemoOutcome(string ResultsDir, string ReportPath, IReadOnlyList<ChartOutput> Charts, IReadOnlyList<DemoFinding> Findings);

/// <summary>`charbert demo`: a small, complete robustness study on data the toolkit fetches itself. A tiny BERT
/// (MLM) and a tiny CharBERT (MLM + NLM) are pre-trained from scratch on Brown corpus text, fine-tuned on Brown
/// POS tagging and SpamAssassin spam/ham classification, evaluated on clean test sets and on attacked copies
/// (the charbert2020 recipe, and each of its four edit types alone), and their sensitivity S is measured.
/// It runs through the same resumable ablation runner as `charbert ablate` (experiments/demo.json is this study).</summary>
public static class DemoStudy
{
    public static readonly string[] EditTypes = ["drop", "add", "swap", "keyboard"];

    public static DemoOutcome Run(string outDir, DemoScale scale, string device, CorpusCache cache, bool quiet, TextWriter log)
    {
        outDir = Path.GetFullPath(outDir);
        var dataDir = Path.Combine(outDir, "data");
        DemoData.Prepare(dataDir, scale, cache, message => log.WriteLine(message));
        var spec = Spec(dataDir, scale, device);
        new AblationRunner(spec, outDir, StandardSteps.Create(quiet), "charbert demo", log).Run();
        var charts = ResultPlotter.PlotAll(outDir);
        var report = MarkdownReport.Write(outDir, charts);
        var findings = DemoFinding.From(new Results.SummaryStore(outDir).ReadMeanStd());
        File.AppendAllText(report, DemoFinding.ToMarkdown(findings));
        return new DemoOutcome(outDir, report, charts, findings);
    }

    /// <summary>The demo's experiment: paths relative to <paramref name="dataRoot"/> (the prepared data folder).</summary>
    public static ExperimentSpec Spec(string dataRoot, DemoScale scale, string device)
    {
        static ModelSpec Model(string kind, bool nlm, JsonObject config) =>
            new(kind, ExperimentSpec.ScratchPrefix + "tiny", Pretrain: true, Nlm: nlm, config);
        var attacks = new Dictionary<string, AttackRecipeSpec> { ["charbert2020"] = new("charbert2020", [], [1.0]) };
        foreach (var type in EditTypes) attacks[type] = new AttackRecipeSpec("charbert2020", [type], [1.0]);
        return new ExperimentSpec(
            Name: "demo",
            DataRoot: Path.GetFullPath(dataRoot),
            Models: new Dictionary<string, ModelSpec>
            {
                ["charbert"] = Model("charbert", true, new JsonObject
                    { ["use_char_channel"] = true, ["fusion_sharing"] = "shared", ["fusion"] = "conv", ["char_encoder"] = "bigru" }),
                ["bert"] = Model("bert", false, new JsonObject { ["use_char_channel"] = false }),
            },
            Tasks: new Dictionary<string, TaskSpec>
            {
                ["pos-brown"] = new("pos", "brown", DemoData.PosTrain, DemoData.PosDev, DemoData.PosTest, "accuracy"),
                ["spam"] = new("glue", "sst-2", DemoData.SpamTrain, DemoData.SpamDev, DemoData.SpamTest, "accuracy"),
            },
            Training: new TrainingSpec(scale.PretrainSteps, scale.FinetuneEpochs, scale.BatchSize, LearningRate: 1e-3,
                scale.MaxSeqLength, device, PretrainCorpus: DemoData.PretrainText, PretrainLearningRate: 1e-3),
            Attacks: new AttackSpec(attacks, Seed: 42),
            Sensitivity: new SensitivitySpec(-1, "first", "concat"),
            Seeds: [1],
            Vocab: DemoData.VocabFolder);
    }
}
