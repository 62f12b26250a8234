using System.Text.Json.Nodes;
using CharBert.Experiments.Ablation;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;
using CharBert.Modeling;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Checkpoints.Torch;
using CharBert.Modeling.Safetensors;
using CharBert.Text.IO;
using CharBert.Training.Runs;
using NUnit.Framework;
using TorchSharp;

namespace CharBert.Experiments.Tests.Ablation;

/// <summary>Variants that start from a pretrained directory (as the paper's ablation starts every variant from
/// bert-base-cased) get their config switches: the checkpoint's weights where they fit, the rest fresh.</summary>
public class PretrainedVariantsTests
{
    const string Checkpoint = "tiny-bert";

    /// <summary>The synthetic study's data plus a tiny BERT in Hugging Face's layout (no "bert." prefix, MLM head under
    /// cls.) with the study's vocabularies, as model.safetensors or as a legacy-format pytorch_model.bin; returns the data root.</summary>
    static string WriteDataAndBertCheckpoint(TempFolder folder, bool asLegacyBin = false)
    {
        var dataRoot = StandardStepsTests.WriteData(folder);
        TinyBertCheckpoint.Write(Path.Combine(dataRoot, Checkpoint), Path.Combine(dataRoot, "vocab"), asLegacyBin: asLegacyBin);
        return dataRoot;
    }

    static ModelSpec Variant(string kind, bool pretrain, JsonObject config) => new(kind, Checkpoint, pretrain, pretrain, config);

    static ExperimentSpec Spec(string dataRoot, Dictionary<string, ModelSpec> models)
    {
        var spec = StandardStepsTests.Spec(dataRoot);
        return spec with { Models = models, Tasks = new Dictionary<string, TaskEntry> { ["pos"] = spec.Tasks["pos"] } };
    }

    static PartialLoadReport Initialization(string runDir) => JsonFiles.Read<PartialLoadReport>(Path.Combine(runDir, RunFiles.Initialization));

    [Test]
    public void Switches_apply_to_the_checkpoints_config_and_only_what_it_lacks_starts_fresh()
    {
        using var dir = new TempFolder();
        var dataRoot = WriteDataAndBertCheckpoint(dir);
        var spec = Spec(dataRoot, new Dictionary<string, ModelSpec>
        {
            ["charbert"] = Variant(ModelSpec.CharBert, true, new JsonObject { ["use_char_channel"] = true, ["fusion"] = "conv" }),
            ["charbert-no-char"] = Variant(ModelSpec.CharBert, false, new JsonObject { ["use_char_channel"] = false, ["fusion"] = "none" }),
            ["charbert-cnn-sum"] = Variant(ModelSpec.CharBert, false,
                new JsonObject { ["fusion"] = "sum", ["char_encoder"] = "cnn", ["fusion_sharing"] = "per_layer" }),
            ["bert"] = Variant(ModelSpec.Bert, false, new JsonObject { ["use_char_channel"] = false }),
        });
        var results = dir.File("results");
        Assert.That(new AblationRunner(spec, results, StandardSteps.Create(), "test").Run().Ran, Has.Count.EqualTo(4));
        string Run(string variant, string step) => Path.Combine(AblationRunner.RunDirOf(results, new CellKey(variant, 1, "pos")), step);
        static bool IsTokenChannel(string key) => key.StartsWith("bert.embeddings.") || key.StartsWith("bert.encoder.layer.") || key.StartsWith("bert.pooler.");

        var pretrained = Initialization(Path.Combine(results, "runs", "charbert", "seed-1", "pretrain"));
        Assert.That(pretrained.Fresh, Does.Contain("bert.char_embeddings.char_embeddings.weight").And.Contain("bert.encoder.fusion_layer_list.0.weight"));
        Assert.That(pretrained.Fresh.Where(IsTokenChannel), Is.Empty, "the token channel comes from the BERT checkpoint");
        Assert.That(pretrained.Fresh, Does.Not.Contain("cls.predictions.transform.dense.weight"), "so does BERT's MLM head");

        var noChar = Initialization(Run("charbert-no-char", FinetuneStep.Folder));
        Assert.That(noChar.Fresh, Is.Not.Empty.And.All.StartsWith("classifier."), "only the new task head is fresh");
        Assert.That(noChar.Dropped, Has.Some.StartsWith("cls.predictions."));

        var switched = CharBertConfig.Load(Path.Combine(Run("charbert-cnn-sum", FinetuneStep.Folder), RunFiles.Model, ModelDirectory.ConfigFile));
        Assert.That((switched.Fusion, switched.CharEncoder, switched.FusionSharing, switched.HiddenSize),
            Is.EqualTo((FusionKind.Sum, CharEncoderKind.Cnn, FusionSharing.PerLayer, CharBertConfig.Tiny.HiddenSize)));
        Assert.That(Initialization(Run("charbert-cnn-sum", FinetuneStep.Folder)).Fresh.Where(IsTokenChannel), Is.Empty);
        Assert.That(Initialization(Run("bert", FinetuneStep.Folder)).Fresh, Is.All.StartsWith("classifier."));

        var rows = new SummaryStore(results).ReadAll();
        Assert.That(rows.Where(r => r.TestSet == "clean" && r.Metric == "accuracy").Select(r => r.Variant),
            Is.EquivalentTo(new[] { "charbert", "charbert-no-char", "charbert-cnn-sum", "bert" }));
    }

    [Test]
    public void A_spec_starts_from_a_pytorch_model_bin_like_from_safetensors()
    {
        using var dir = new TempFolder();
        var dataRoot = WriteDataAndBertCheckpoint(dir, asLegacyBin: true);
        var spec = Spec(dataRoot, new Dictionary<string, ModelSpec>
        {
            ["bert"] = Variant(ModelSpec.Bert, false, new JsonObject { ["use_char_channel"] = false }),
        });
        var results = dir.File("results");
        Assert.That(new AblationRunner(spec, results, StandardSteps.Create(), "test").Run().Ran, Has.Count.EqualTo(1));
        var finetuned = Initialization(Path.Combine(AblationRunner.RunDirOf(results, new CellKey("bert", 1, "pos")), FinetuneStep.Folder));
        Assert.That(Path.GetFileName(finetuned.Checkpoint), Is.EqualTo("pytorch_model.bin"));
        Assert.That(finetuned.Fresh, Is.All.StartsWith("classifier."), "the encoder came from the .bin");
    }

    [Test]
    public void A_switch_the_checkpoint_cannot_honour_stops_the_run_naming_it()
    {
        using var dir = new TempFolder();
        var dataRoot = WriteDataAndBertCheckpoint(dir);
        var spec = Spec(dataRoot, new Dictionary<string, ModelSpec>
        {
            ["too-wide"] = Variant(ModelSpec.CharBert, false, new JsonObject { ["hidden_size"] = 128 }),
        });
        var e = Assert.Throws<DataFormatException>(() => new AblationRunner(spec, dir.File("results"), StandardSteps.Create(), "test").Run())!;
        Assert.That(e.Message, Does.Contain("model variant 'too-wide'").And.Contain("hidden_size 128 (the checkpoint's: 64)"));
        Assert.That(e.FilePath, Does.EndWith(Path.Combine(Checkpoint, ModelDirectory.ConfigFile)));
    }
}
