using System.Text.Json.Nodes;
using CharBert.Experiments.Ablation;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Experiments.Charts;
using CharBert.Experiments.Findings;
using CharBert.Experiments.Reporting;
using CharBert.Experiments.Specs;
using CharBert.Text.Corpora;
using CharBert.Training;

namespace CharBert.Experiments.Demo;

/// <summary>What `charbert demo` produced: where, and the robustness findings.</summary>
public sealed record DemoOutcome(string ResultsDir, string ReportPath, IReadOnlyList<ChartOutput> Charts, IReadOnlyList<VariantRobustness> Findings);

/// <summary>`charbert demo`: a complete robustness study on data the toolkit fetches itself, run through the same resumable
/// ablation runner as `charbert ablate` (experiments/demo.json is the default study, experiments/demo-scratch.json the
/// from-scratch one).
/// From a pretrained encoder (default minilm-l6): BERT = the encoder adapted with MLM on Brown + State of the Union text;
/// CharBERT = the encoder as token channel plus a fresh character channel and fusion, adapted with MLM + NLM on the same
/// text for the same steps; AdvBERT = BERT's adaptation fine-tuned on its training set plus charbert2020-attacked copies.
/// One adaptation per model serves every seed: the seeds vary fine-tuning (head initialisation, data order, dropout).
/// Each is fine-tuned on Brown POS tagging and SpamAssassin spam/ham, evaluated clean and attacked (charbert2020 for every
/// seed; each edit type alone, and the sensitivity S, for the first seed), and the report gives the drop ratio to BERT
/// with a paired bootstrap interval.
/// From scratch: a tiny BERT (MLM) and a tiny CharBERT (MLM + NLM) pre-trained on Brown text, one seed.</summary>
public static class DemoStudy
{
    public static readonly string[] EditTypes = ["drop", "add", "swap", "keyboard"];
    public const string Scratch = "scratch";
    public const string DefaultEncoder = "minilm-l6";
    public static readonly int[] Seeds = [1, 2, 3];

    public static DemoOutcome Run(string outDir, string from, DemoScale scale, string device, CorpusCache cache, ITrainingProgressView? progressView, TextWriter log)
    {
        outDir = Path.GetFullPath(outDir);
        var dataDir = PrepareData(outDir, from, scale, cache, log);
        var scratch = from == Scratch;
        var spec = scratch ? ScratchSpec(dataDir, scale, device) : Spec(dataDir, scale, device, from);
        new AblationRunner(spec, outDir, StandardSteps.Create(progressView), "charbert demo", log, DemoBudget.CellCost(spec)).Run();
        var charts = ResultPlotter.PlotAll(outDir);
        var report = MarkdownReport.Write(outDir, charts);
        var findings = RobustnessFindings.Compute(outDir);
        File.AppendAllText(report, DemoNotes.ToMarkdown(spec, scale, findings, scratch) + (scratch ? "" : DemoTuningEvidence.ToMarkdown(outDir)));
        return new DemoOutcome(outDir, report, charts, findings);
    }

    /// <summary>The demo's first step alone: fetches the corpora and writes &lt;outDir&gt;/data (vocabularies too when
    /// <paramref name="from"/> is scratch). Returns the data folder.</summary>
    public static string PrepareData(string outDir, string from, DemoScale scale, CorpusCache cache, TextWriter log)
    {
        var dataDir = Path.Combine(Path.GetFullPath(outDir), "data");
        DemoData.Prepare(dataDir, scale, cache, buildVocabularies: from == Scratch, message => log.WriteLine(message));
        return dataDir;
    }

    static Dictionary<string, AttackRecipeSpec> Attacks(IReadOnlyList<int>? editTypeSeeds)
    {
        var attacks = new Dictionary<string, AttackRecipeSpec> { ["charbert2020"] = new("charbert2020", [], [1.0]) };
        foreach (var type in EditTypes) attacks[type] = new AttackRecipeSpec("charbert2020", [type], [1.0], editTypeSeeds);
        return attacks;
    }

    static JsonObject CharBertSwitches() => new()
        { ["use_char_channel"] = true, ["fusion_sharing"] = "shared", ["fusion"] = "conv", ["char_encoder"] = "bigru" };

    static Dictionary<string, TaskEntry> Tasks(DemoScale scale, bool withLengths) => new()
    {
        ["pos-brown"] = new("pos", "brown", DemoData.PosTrain, DemoData.PosDev, DemoData.PosTest, "accuracy",
            withLengths ? scale.PosMaxSeqLength : null),
        ["spam"] = new("glue", "sst-2", DemoData.SpamTrain, DemoData.SpamDev, DemoData.SpamTest, "accuracy",
            withLengths ? scale.SpamMaxSeqLength : null),
    };

    /// <summary>The default study: every model from the pretrained encoder <paramref name="encoder"/> (a built-in name,
    /// a model directory or a hub id); paths relative to <paramref name="dataRoot"/> (the prepared data folder).</summary>
    public static ExperimentSpec Spec(string dataRoot, DemoScale scale, string device, string encoder = DefaultEncoder)
    {
        var first = new[] { Seeds[0] };
        return new ExperimentSpec(
            Name: "demo",
            DataRoot: Path.GetFullPath(dataRoot),
            Models: new Dictionary<string, ModelSpec>
            {
                ["bert"] = new(ModelSpec.Bert, encoder, Pretrain: true, Nlm: false, new JsonObject { ["use_char_channel"] = false }),
                ["advbert"] = new(ModelSpec.AdvBert, encoder, Pretrain: true, Nlm: false, new JsonObject { ["use_char_channel"] = false },
                    AugmentRecipe: ModelSpec.DefaultAugmentRecipe, AugmentProbability: 0.5, SharesPretrainingWith: "bert"),
                ["charbert"] = new(ModelSpec.CharBert, encoder, Pretrain: true, Nlm: true, CharBertSwitches()),
            },
            Tasks: Tasks(scale, withLengths: true),
            Training: new TrainingSpec(scale.PretrainSteps, scale.FinetuneEpochs, scale.BatchSize, LearningRate: DemoSettings.FinetuneLearningRate,
                scale.MaxSeqLength, device, PretrainCorpus: DemoData.PretrainText, PretrainLearningRate: DemoSettings.PretrainLearningRate,
                PretrainSeed: Seeds[0], NlmProbability: DemoSettings.NlmProbability, FreshLearningRate: DemoSettings.FreshLearningRate,
                FreshWarmupSteps: DemoSettings.FreshWarmupSteps(scale.PretrainSteps), FrozenSteps: DemoSettings.FrozenSteps(scale.PretrainSteps),
                PretrainCheckpointEvery: DemoSettings.CheckpointEvery, PadToLongest: true, GroupByLength: true),
            Attacks: new AttackSpec(Attacks(first), Seed: 42),
            Sensitivity: new SensitivitySpec(-1, "first", "concat", first),
            Seeds: Seeds);
    }

    /// <summary>The tiny from-scratch study (`--from scratch`, experiments/demo-scratch.json).</summary>
    public static ExperimentSpec ScratchSpec(string dataRoot, DemoScale scale, string device)
    {
        static ModelSpec Model(string kind, bool nlm, JsonObject config) =>
            new(kind, ExperimentSpec.ScratchPrefix + "tiny", Pretrain: true, Nlm: nlm, config);
        return new ExperimentSpec(
            Name: "demo-scratch",
            DataRoot: Path.GetFullPath(dataRoot),
            Models: new Dictionary<string, ModelSpec>
            {
                ["charbert"] = Model("charbert", true, CharBertSwitches()),
                ["bert"] = Model("bert", false, new JsonObject { ["use_char_channel"] = false }),
            },
            Tasks: Tasks(scale, withLengths: false),
            Training: new TrainingSpec(scale.PretrainSteps, scale.FinetuneEpochs, scale.BatchSize, LearningRate: 1e-3,
                scale.MaxSeqLength, device, PretrainCorpus: DemoData.PretrainText, PretrainLearningRate: 1e-3),
            Attacks: new AttackSpec(Attacks(null), Seed: 42),
            Sensitivity: new SensitivitySpec(-1, "first", "concat"),
            Seeds: [1],
            Vocab: DemoData.VocabFolder);
    }
}
