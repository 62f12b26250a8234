using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Checkpoints.Torch;
using CharBert.Modeling.Heads;
using CharBert.Text.IO;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests.Checkpoints;

/// <summary>Which file holds a model directory's weights, and what a directory without task.json holds.</summary>
public class ModelDirectoryWeightsTests : TempDirectoryTests
{
    private string CopyOriginal(string model, string weights = "pytorch_model.bin", string as_ = "pytorch_model.bin")
    {
        var target = Path.Combine(dir, model);
        Directory.CreateDirectory(target);
        File.Copy(Path.Combine(TestFixtures.OriginalCheckpoints, model, "config.json"), Path.Combine(target, "config.json"));
        File.Copy(Path.Combine(TestFixtures.OriginalCheckpoints, model, weights), Path.Combine(target, as_));
        return target;
    }

    [Test]
    public void SafetensorsIsPreferredThenTheBinThenShardIndexes()
    {
        foreach (var name in new[] { "pytorch_model.bin.index.json", "pytorch_model.bin", "model.safetensors.index.json", "model.safetensors" })
        {
            File.WriteAllText(Path.Combine(dir, name), "");
            Assert.That(Path.GetFileName(ModelDirectory.ResolveWeights(dir)), Is.EqualTo(name));
        }
        Assert.That(Path.GetFileName(ModelDirectory.ResolveWeights(dir, "pytorch_model.bin")), Is.EqualTo("pytorch_model.bin"));
    }

    [Test]
    public void ADirectoryWithoutWeightsNamesTheFilesItLooksFor()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ModelDirectory.ResolveWeights(dir))!;
        Assert.That(e.Message, Does.Contain(dir).And.Contain("model.safetensors, model.safetensors.index.json, pytorch_model.bin, pytorch_model.bin.index.json"));
    }

    [TestCase("charbert-ner", ModelKind.CharBert, TaskHeadKind.TokenClassification, 5)]
    [TestCase("charbert-mlm", ModelKind.CharBert, TaskHeadKind.PreTraining, 1000)] // a pre-training head's "labels" are the vocabulary
    [TestCase("bert-ner", ModelKind.Bert, TaskHeadKind.TokenClassification, 5)]
    public void AnOriginalDirectoryIsReadAsTheModelItsWeightsHold(string model, ModelKind kind, TaskHeadKind head, int labels)
    {
        var directory = CopyOriginal(model, "pytorch_model.legacy.bin");
        if (head == TaskHeadKind.TokenClassification)
            File.WriteAllText(Path.Combine(directory, "config.json"), File.ReadAllText(Path.Combine(directory, "config.json"))
                .Replace("\"finetuning_task\": null", "\"finetuning_task\": \"ner\""));
        var loaded = ModelDirectory.Load(directory);
        Assert.That((loaded.Kind, loaded.Head, loaded.NumLabels), Is.EqualTo((kind, head, labels)));
        Assert.That((loaded.Config.CharVocabSize, loaded.Config.CharEmbeddingSize), Is.EqualTo((1001, 256)), "the original's constants, from the weights");
        if (head == TaskHeadKind.PreTraining) Assert.That(loaded.Config.TermVocabSize, Is.EqualTo(512), "from the term decoder's shape");
        loaded.Module.Dispose();
    }

    [Test]
    public void AClassifierTheDirectoryDoesNotNameIsAnErrorSayingWhatToAdd()
    {
        var directory = CopyOriginal("charbert-ner");
        var e = Assert.Throws<DataFormatException>(() => ModelDirectory.Load(directory))!;
        Assert.That(e.Message, Does.Contain("classifier.weight [5,128]").And.Contain("\"architectures\""));

        var loaded = ModelDirectory.Load(directory, classifierHint: TaskHeadKind.SequenceClassification);
        Assert.That(loaded.Head, Is.EqualTo(TaskHeadKind.SequenceClassification));
        loaded.Module.Dispose();

        File.WriteAllText(Path.Combine(directory, "config.json"), File.ReadAllText(Path.Combine(directory, "config.json"))
            .Replace("\"finetuning_task\": null", "\"architectures\": [\"CharBertForTokenClassification\"], \"finetuning_task\": null"));
        loaded = ModelDirectory.Load(directory, classifierHint: TaskHeadKind.SequenceClassification);
        Assert.That(loaded.Head, Is.EqualTo(TaskHeadKind.TokenClassification), "config.json's architectures win over a caller's hint");
        loaded.Module.Dispose();
    }

    [Test]
    public void AnEncoderWithoutHeadIsAnErrorPointingToFineTuning()
    {
        var directory = CopyOriginal("bert-ner");
        using (var scope = NewDisposeScope())
        {
            using var weights = StateDictFile.Read(Path.Combine(directory, "pytorch_model.bin"));
            TorchCheckpointWriter.WriteLegacy(Path.Combine(directory, "pytorch_model.bin"), weights.Where(p => p.Key.StartsWith("bert.", StringComparison.Ordinal)));
        }
        Assert.That(() => ModelDirectory.Load(directory), Throws.TypeOf<DataFormatException>().With.Message.Contain("an encoder without a task head"));
    }

    [Test]
    public void TheOriginalPretrainedCharBertLoadsFromItsLegacyFileWithAFreshTaskHead()
    {
        manual_seed(4);
        var model = TaskModelFactory.Create(ModelKind.CharBert, TaskHeadKind.SequenceClassification, CharBertConfig.Tiny with { VocabSize = 1000 }, 3);
        var legacy = Path.Combine(TestFixtures.OriginalCheckpoints, "charbert-mlm", "pytorch_model.legacy.bin");
        PretrainedCheckpoints.LoadCharBert(model, legacy, freshHead: true);
        using var weights = StateDictFile.Read(legacy);
        var key = "bert.encoder.fusion_layer_list.0.weight";
        Assert.That(model.Module.state_dict()[key].eq(weights[key]).all().item<bool>(), Is.True);
        model.Module.Dispose();
    }

    [Test]
    public void TheOriginalBertCheckpointFillsTheTokenChannelOfACharBertModel()
    {
        var directory = CopyOriginal("bert-ner", "pytorch_model.legacy.bin");
        manual_seed(3);
        var model = TaskModelFactory.Create(ModelKind.CharBert, TaskHeadKind.TokenClassification, CharBertConfig.Tiny with { VocabSize = 1000 }, 5);
        var report = PretrainedCheckpoints.LoadMatching(model, directory);
        Assert.That(report.Checkpoint, Does.EndWith("pytorch_model.bin"));
        Assert.That(report.Fresh, Has.Some.StartsWith("bert.char_embeddings."));
        using var weights = StateDictFile.Read(Path.Combine(directory, "pytorch_model.bin"));
        var key = "bert.encoder.layer.1.attention.self.query.weight";
        Assert.That(model.Module.state_dict()[key].eq(weights[key]).all().item<bool>(), Is.True);
        model.Module.Dispose();
    }
}
