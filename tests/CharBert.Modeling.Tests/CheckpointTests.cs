using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Safetensors;
using CharBert.Text.IO;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests;

public class CheckpointTests
{
    private static ITaskModel Tiny(ModelKind kind, TaskHeadKind head = TaskHeadKind.SequenceClassification, int seed = 1)
    {
        manual_seed(seed);
        return TaskModelFactory.Create(kind, head, CharBertConfig.Tiny, 3);
    }

    private static Dictionary<string, Tensor> CloneState(ITaskModel model) =>
        model.Module.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());

    [Test]
    public void TheSharedFusionConvListedUnderEveryLayerLoadsOnce()
    {
        using var scope = NewDisposeScope();
        var source = Tiny(ModelKind.CharBert, seed: 1);
        var target = Tiny(ModelKind.CharBert, seed: 2);
        var checkpoint = CloneState(source);
        Assert.That(checkpoint.Keys, Does.Not.Contain("bert.encoder.fusion_layer_list.1.weight"), "the model holds the shared conv once");
        checkpoint["bert.encoder.fusion_layer_list.1.weight"] = checkpoint["bert.encoder.fusion_layer_list.0.weight"].clone();
        checkpoint["bert.encoder.fusion_layer_list.1.bias"] = checkpoint["bert.encoder.fusion_layer_list.0.bias"].clone();

        CheckpointLoader.Load(target.Module, checkpoint, "ckpt");
        var loaded = target.Module.state_dict()["bert.encoder.fusion_layer_list.0.weight"];
        Assert.That(loaded.eq(checkpoint["bert.encoder.fusion_layer_list.0.weight"]).all().item<bool>(), Is.True);

        checkpoint["bert.encoder.fusion_layer_list.1.weight"] = checkpoint["bert.encoder.fusion_layer_list.1.weight"] + 1;
        Assert.That(() => CheckpointLoader.Load(target.Module, checkpoint, "ckpt"),
            Throws.TypeOf<DataFormatException>().With.Message.Contain("fusion_layer_list.1.weight differs"));
    }

    [Test]
    public void StrictLoadListsMissingUnexpectedAndMismatchedKeysTogether()
    {
        using var scope = NewDisposeScope();
        var model = Tiny(ModelKind.CharBert);
        var checkpoint = CloneState(model);
        checkpoint.Remove("bert.pooler.dense.bias");
        checkpoint["bogus.weight"] = zeros(2);
        checkpoint["classifier.weight"] = zeros(7, 128);
        var e = Assert.Throws<DataFormatException>(() => CheckpointLoader.Load(model.Module, checkpoint, "my.safetensors"))!;
        Assert.That(e.Message, Does.Contain("my.safetensors").And.Contain("missing keys: bert.pooler.dense.bias")
            .And.Contain("unexpected keys: bogus.weight").And.Contain("classifier.weight (checkpoint [7,128], model [3,128])"));
    }

    [Test]
    public void AHuggingFaceBertCheckpointFillsTheTokenChannelOnly()
    {
        using var scope = NewDisposeScope();
        var dir = Directory.CreateTempSubdirectory("hf-bert").FullName;
        try
        {
            var bert = Tiny(ModelKind.Bert, seed: 5);
            // HF layout: no "bert." prefix, old gamma/beta names, position_ids buffer, NSP/MLM heads
            var hf = bert.Module.state_dict().Where(p => p.Key.StartsWith("bert.")).ToDictionary(
                p => p.Key["bert.".Length..].Replace("LayerNorm.weight", "LayerNorm.gamma").Replace("LayerNorm.bias", "LayerNorm.beta"), p => p.Value);
            hf["embeddings.position_ids"] = arange(64).unsqueeze(0);
            hf["cls.seq_relationship.weight"] = zeros(2, 64);
            SafetensorsWriter.Write(Path.Combine(dir, "model.safetensors"), hf);
            CharBertConfig.Tiny.Save(Path.Combine(dir, "config.json"));

            var charBert = Tiny(ModelKind.CharBert, seed: 6);
            var charBefore = charBert.Module.state_dict()["bert.char_embeddings.char_embeddings.weight"].clone();
            PretrainedCheckpoints.LoadMatching(charBert, dir);

            var after = charBert.Module.state_dict();
            var source = bert.Module.state_dict();
            foreach (var key in new[] { "bert.encoder.layer.1.output.LayerNorm.weight", "bert.embeddings.word_embeddings.weight", "bert.pooler.dense.weight" })
                Assert.That(after[key].eq(source[key]).all().item<bool>(), Is.True, key);
            Assert.That(after["bert.char_embeddings.char_embeddings.weight"].eq(charBefore).all().item<bool>(), Is.True);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Test]
    public void ModelDirectoryRoundTripsWeightsConfigLabelsAndVocabulary()
    {
        using var scope = NewDisposeScope();
        var dir = Directory.CreateTempSubdirectory("model-dir").FullName;
        try
        {
            var config = CharBertConfig.Tiny with { Fusion = FusionKind.Sum, SequencePooling = SequencePooling.MaskedMean };
            manual_seed(9);
            var model = TaskModelFactory.Create(ModelKind.CharBert, TaskHeadKind.TokenClassification, config, 3);
            var vocab = Path.Combine(dir, "..", $"vocab-{Guid.NewGuid():N}.txt");
            File.WriteAllLines(vocab, ["[PAD]", "alpha", "beta"]);
            ModelDirectory.Save(Path.Combine(dir, "m"), model, ["O", "B-X", "I-X"], [vocab]);
            File.Delete(vocab);

            var loaded = ModelDirectory.Load(Path.Combine(dir, "m"));
            Assert.That(loaded.Config, Is.EqualTo(config));
            Assert.That((loaded.Kind, loaded.Head, loaded.NumLabels), Is.EqualTo((ModelKind.CharBert, TaskHeadKind.TokenClassification, 3)));
            Assert.That(ModelDirectory.ReadTask(Path.Combine(dir, "m")).Labels, Is.EqualTo(new[] { "O", "B-X", "I-X" }));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "m", Path.GetFileName(vocab))), Has.Length.EqualTo(3));

            using var batch = Benchmarks.SyntheticBatch.Create(config, 2, 8, seed: 4, numLabels: 3);
            model.Module.eval();
            loaded.Module.eval();
            using var noGrad = no_grad();
            Assert.That(model.Forward(batch).Logits.eq(loaded.Forward(batch).Logits).all().item<bool>(), Is.True);
        }
        finally { Directory.Delete(dir, true); }
    }
}
