using CharBert.Modeling.Benchmarks;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Modules;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests;

public class TaskModelTests
{
    private static readonly CharBertConfig Tiny = CharBertConfig.Tiny;

    private static IEnumerable<TestCaseData> Combinations() =>
        from kind in Enum.GetValues<ModelKind>()
        from head in Enum.GetValues<TaskHeadKind>()
        select new TestCaseData(kind, head);

    [TestCaseSource(nameof(Combinations))]
    public void EveryHeadGivesShapedOutputsAndATrainableLoss(ModelKind kind, TaskHeadKind head)
    {
        manual_seed(2);
        var model = TaskModelFactory.Create(kind, head, Tiny, 4);
        using var batch = SyntheticBatch.Create(Tiny, 3, 10, seed: 2, numLabels: 4);
        using var scope = NewDisposeScope();
        var output = model.Forward(batch);
        long[] expected = head switch
        {
            TaskHeadKind.SequenceClassification => [3, 4],
            TaskHeadKind.TokenClassification => [3, 10, 4],
            TaskHeadKind.QuestionAnswering => [3, 10, 2],
            _ => [3, 10, Tiny.VocabSize],
        };
        Assert.That(output.Logits.shape, Is.EqualTo(expected));
        Assert.That(output.Loss, Is.Not.Null);
        Assert.That(output.Loss!.shape, Is.Empty, "scalar loss");
        Assert.That(float.IsFinite(output.Loss.item<float>()), Is.True);
        output.Loss.backward();
        var queryGrad = model.Module.named_parameters().First(p => p.name == "bert.encoder.layer.0.attention.self.query.weight").parameter.grad;
        Assert.That(queryGrad!.abs().sum().item<float>(), Is.GreaterThan(0));
        Assert.That(output.Encoder.HasCharChannel, Is.EqualTo(kind == ModelKind.CharBert));
        if (head == TaskHeadKind.PreTraining)
            Assert.That(output.TermScores is null, Is.EqualTo(kind == ModelKind.Bert));
    }

    [Test]
    public void APreTrainingBatchWithoutAnyMaskedPositionHasAZeroLossNotNaN()
    {
        manual_seed(2);
        var model = TaskModelFactory.Create(ModelKind.CharBert, TaskHeadKind.PreTraining, Tiny, 0);
        using var full = SyntheticBatch.Create(Tiny, 2, 6, seed: 3);
        using var scope = NewDisposeScope();
        var noTargets = full_like(full.MaskedLmLabels!, -1);
        using var batch = new ModelBatch
        {
            InputIds = full.InputIds.alias(), AttentionMask = full.AttentionMask.alias(), CharInputIds = full.CharInputIds!.alias(),
            StartIds = full.StartIds!.alias(), EndIds = full.EndIds!.alias(), MaskedLmLabels = noTargets, TermLabels = full.TermLabels!.alias(),
        };
        var output = model.Forward(batch);
        Assert.That(output.MaskedLmLoss!.item<float>(), Is.EqualTo(0f), "PyTorch's mean over no element would be NaN");
        Assert.That(output.Loss!.item<float>(), Is.EqualTo(output.TermLoss!.item<float>()).Within(1e-6));
        Assert.That(float.IsFinite(output.TermLoss!.item<float>()) && output.TermLoss.item<float>() > 0);
    }

    [Test]
    public void WithoutLabelsThereIsNoLoss()
    {
        manual_seed(2);
        var model = TaskModelFactory.Create(ModelKind.CharBert, TaskHeadKind.SequenceClassification, Tiny, 2);
        using var full = SyntheticBatch.Create(Tiny, 2, 6, seed: 3);
        using var batch = new ModelBatch
        {
            InputIds = full.InputIds.alias(), AttentionMask = full.AttentionMask.alias(), CharInputIds = full.CharInputIds!.alias(),
            StartIds = full.StartIds!.alias(), EndIds = full.EndIds!.alias(),
        };
        using var scope = NewDisposeScope();
        Assert.That(model.Forward(batch).Loss, Is.Null);
    }

    private static readonly Func<CharBertConfig, CharBertConfig>[] Variants =
    [
        c => c with { FusionSharing = FusionSharing.PerLayer },
        c => c with { Fusion = FusionKind.Sum },
        c => c with { Fusion = FusionKind.None },
        c => c with { CharEncoder = CharEncoderKind.Cnn },
        c => c with { SequencePooling = SequencePooling.MaskedMean },
        c => c with { SequencePooling = SequencePooling.ClsPooler },
        c => c with { UseCharChannel = false },
    ];

    [TestCaseSource(nameof(Variants))]
    public void AblationVariantsTrain(Func<CharBertConfig, CharBertConfig> configure)
    {
        var config = configure(Tiny);
        manual_seed(2);
        var model = TaskModelFactory.Create(ModelKind.CharBert, TaskHeadKind.SequenceClassification, config, 2);
        using var batch = SyntheticBatch.Create(config, 2, 8, seed: 5);
        using var scope = NewDisposeScope();
        var output = model.Forward(batch);
        Assert.That(output.Logits.shape, Is.EqualTo(new long[] { 2, 2 }));
        output.Loss!.backward();
        var keys = model.Module.state_dict().Keys.ToList();
        Assert.That(keys.Count(k => k.Contains("fusion_layer_list.")) / 2, Is.EqualTo(
            config is { UseCharChannel: true, Fusion: FusionKind.Conv } ? (config.FusionSharing == FusionSharing.Shared ? 1 : config.NumHiddenLayers) : 0));
        Assert.That(keys.Any(k => k.Contains("char_embeddings.rnn_layer")), Is.EqualTo(config is { UseCharChannel: true, CharEncoder: CharEncoderKind.BiGru }));
    }

    [Test]
    public void EncodeAllLayersGivesEveryLayerOfBothChannels()
    {
        manual_seed(2);
        var model = (TaskModel)TaskModelFactory.Create(ModelKind.CharBert, TaskHeadKind.SequenceClassification, Tiny, 2);
        model.eval();
        using var batch = SyntheticBatch.Create(Tiny, 2, 8, seed: 6);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var all = model.EncodeAllLayers(batch);
        Assert.That(all.TokenHiddenStates, Has.Count.EqualTo(Tiny.NumHiddenLayers + 1));
        Assert.That(all.CharHiddenStates, Has.Count.EqualTo(Tiny.NumHiddenLayers + 1));
        Assert.That(all.TokenHiddenStates![^1].eq(all.SequenceOutput).all().item<bool>(), Is.True);
        Assert.That(all.CharHiddenStates![0].eq(all.CharEmbeddings!).all().item<bool>(), Is.True);
        var plain = model.Forward(batch);
        Assert.That(plain.Encoder.SequenceOutput.eq(all.SequenceOutput).all().item<bool>(), Is.True);
        Assert.That(plain.Encoder.TokenHiddenStates, Is.Null);
    }

    [Test]
    public void ConfigJsonUsesHuggingFaceNamesAndRoundTrips()
    {
        var config = CharBertConfig.Small with { Fusion = FusionKind.None, CharEncoder = CharEncoderKind.Cnn };
        var json = config.ToJson();
        Assert.That(json, Does.Contain("\"hidden_size\": 256").And.Contain("\"fusion\": \"none\"").And.Contain("\"char_encoder\": \"cnn\""));
        Assert.That(CharBertConfig.FromJson(json), Is.EqualTo(config));
        Assert.That(() => CharBertConfig.FromJson("{\"hidden_size\": 30, \"num_attention_heads\": 4}", "c.json"),
            Throws.TypeOf<Text.IO.DataFormatException>().With.Message.Contain("c.json"));
    }
}

public class LabelledPositionScoringTests
{
    [TestCase(ModelKind.CharBert)]
    [TestCase(ModelKind.Bert)]
    public void Scoring_only_labelled_positions_gives_the_same_losses_and_gradients(ModelKind kind)
    {
        manual_seed(4);
        var model = (PreTrainingModel)TaskModelFactory.Create(kind, TaskHeadKind.PreTraining, CharBertConfig.Tiny, 0);
        model.Module.eval(); // no dropout, so both passes see the same network
        using var batch = SyntheticBatch.Create(CharBertConfig.Tiny, 3, 12, seed: 4, numLabels: 0);
        Assert.That(batch.MaskedLmLabels, Is.Not.Null);
        (float Mlm, float? Term, float[] Grad) Pass(bool sparse)
        {
            model.ScoreLabelledPositionsOnly = sparse;
            model.Module.zero_grad();
            using var scope = NewDisposeScope();
            var output = model.Forward(batch);
            output.Loss!.backward();
            var grad = model.Module.named_parameters().First(p => p.name == "bert.encoder.layer.1.output.dense.weight").parameter.grad!;
            return (output.MaskedLmLoss!.item<float>(), output.TermLoss?.item<float>(), grad.data<float>().ToArray());
        }
        var dense = Pass(false);
        var sparse = Pass(true);
        Assert.That(sparse.Mlm, Is.EqualTo(dense.Mlm).Within(1e-5));
        Assert.That(sparse.Term.HasValue, Is.EqualTo(kind == ModelKind.CharBert));
        if (sparse.Term is { } term) Assert.That(term, Is.EqualTo(dense.Term!.Value).Within(1e-5));
        Assert.That(sparse.Grad, Is.EqualTo(dense.Grad).Within(1e-5));
    }
}
