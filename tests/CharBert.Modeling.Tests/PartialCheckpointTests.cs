using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Heads;
using CharBert.Text.IO;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests;

/// <summary>PretrainedCheckpoints.LoadMatching: a checkpoint into a model whose ablation switches differ from it.</summary>
public class PartialCheckpointTests
{
    const string TokenKey = "bert.encoder.layer.1.output.dense.weight";
    const string CharTableKey = "bert.char_embeddings.char_embeddings.weight";

    static ITaskModel Model(CharBertConfig config, int seed, TaskHeadKind head = TaskHeadKind.TokenClassification, int labels = 3)
    {
        manual_seed(seed);
        return TaskModelFactory.Create(ModelKind.CharBert, head, config, labels);
    }

    readonly List<string> checkpoints = [];

    string SaveCheckpoint(ITaskModel model)
    {
        var dir = Directory.CreateTempSubdirectory("partial-ckpt").FullName;
        checkpoints.Add(dir);
        ModelDirectory.Save(dir, model);
        return dir;
    }

    [TearDown]
    public void DeleteCheckpoints()
    {
        foreach (var dir in checkpoints) Directory.Delete(dir, recursive: true);
        checkpoints.Clear();
    }

    static bool Same(ITaskModel a, string keyA, ITaskModel b, string keyB) =>
        a.Module.state_dict()[keyA].eq(b.Module.state_dict()[keyB]).all().item<bool>();

    [Test]
    public void A_shared_fusion_conv_initialises_every_layer_of_a_per_layer_model()
    {
        using var scope = NewDisposeScope();
        var source = Model(CharBertConfig.Tiny, seed: 1);
        var dir = SaveCheckpoint(source);
        var target = Model(CharBertConfig.Tiny with { FusionSharing = FusionSharing.PerLayer }, seed: 2);
        var report = PretrainedCheckpoints.LoadMatching(target, dir);
        for (var layer = 0; layer < CharBertConfig.Tiny.NumHiddenLayers; layer++)
            Assert.That(Same(target, $"bert.encoder.fusion_layer_list.{layer}.weight", source, "bert.encoder.fusion_layer_list.0.weight"), $"layer {layer}");
        Assert.That(Same(target, TokenKey, source, TokenKey));
        Assert.That(report.Fresh, Is.Empty);
        Assert.That(report.Dropped, Is.Empty);
    }

    [Test]
    public void Other_char_encoder_and_fusion_keep_what_matches_and_start_the_rest_fresh()
    {
        using var scope = NewDisposeScope();
        var source = Model(CharBertConfig.Tiny, seed: 1);
        var dir = SaveCheckpoint(source);
        var config = CharBertConfig.Tiny with { Fusion = FusionKind.Sum, CharEncoder = CharEncoderKind.Cnn };
        var target = Model(config, seed: 2);
        var untouched = Model(config, seed: 2); // the same seeded initialisation, never loaded
        var report = PretrainedCheckpoints.LoadMatching(target, dir);

        Assert.That(Same(target, TokenKey, source, TokenKey), "token channel from the checkpoint");
        Assert.That(Same(target, CharTableKey, source, CharTableKey), "the character table fits either encoder");
        Assert.That(Same(target, "bert.encoder.word_linear1.weight", source, "bert.encoder.word_linear1.weight"), "sum fusion keeps the projections");
        Assert.That(report.Dropped, Does.Contain("bert.encoder.fusion_layer_list.0.weight"), "no conv in a sum fusion");
        Assert.That(report.Fresh, Is.Not.Empty.And.All.StartsWith("bert.char_embeddings."), "only the CNN encoder is new");
        foreach (var key in report.Fresh)
            Assert.That(Same(target, key, untouched, key), $"{key} keeps its seeded initialisation");
    }

    [Test]
    public void Without_a_char_channel_the_token_channel_loads_and_a_head_of_another_shape_starts_fresh()
    {
        using var scope = NewDisposeScope();
        var source = Model(CharBertConfig.Tiny, seed: 1);
        var dir = SaveCheckpoint(source);
        var target = Model(CharBertConfig.Tiny with { UseCharChannel = false, Fusion = FusionKind.None }, seed: 2, labels: 5);
        var report = PretrainedCheckpoints.LoadMatching(target, dir);
        Assert.That(Same(target, TokenKey, source, TokenKey));
        Assert.That(report.Fresh, Is.EquivalentTo(new[] { "classifier.bias", "classifier.weight" }));
        Assert.That(report.Dropped, Does.Contain(CharTableKey).And.Contain("classifier.weight"));
    }

    [Test]
    public void Per_layer_convs_that_differ_cannot_become_one_shared_conv()
    {
        using var scope = NewDisposeScope();
        var dir = SaveCheckpoint(Model(CharBertConfig.Tiny with { FusionSharing = FusionSharing.PerLayer }, seed: 1));
        Assert.That(() => PretrainedCheckpoints.LoadMatching(Model(CharBertConfig.Tiny, seed: 2), dir),
            Throws.TypeOf<DataFormatException>().With.Message.Contains("fusion_layer_list.1.weight differs"));
    }

    [Test]
    public void A_size_the_checkpoint_cannot_serve_is_an_error_naming_it()
    {
        using var scope = NewDisposeScope();
        var dir = SaveCheckpoint(Model(CharBertConfig.Tiny, seed: 1));
        var wider = CharBertConfig.Tiny with { HiddenSize = 32, NumAttentionHeads = 2 };
        Assert.That(() => PretrainedCheckpoints.LoadMatching(Model(wider, seed: 2), dir),
            Throws.TypeOf<DataFormatException>().With.Message.Contains("hidden_size 32 (the checkpoint's: 64)")
                .And.Message.Contains("num_attention_heads 2 (the checkpoint's: 4)"));
    }
}
