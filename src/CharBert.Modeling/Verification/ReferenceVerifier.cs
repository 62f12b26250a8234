using System.Text.Json;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Safetensors;
using static TorchSharp.torch;

namespace CharBert.Modeling.Verification;

public sealed record ReferenceComparison(string Name, double MaxAbsDiff, bool WithinTolerance, string? Problem = null);

public sealed record ReferenceReport(string FixturePath, double Tolerance, IReadOnlyList<ReferenceComparison> Comparisons)
{
    public bool AllWithinTolerance => Comparisons.Count > 0 && Comparisons.All(c => c.WithinTolerance);
}

/// <summary>Re-computes every expected.* tensor of a reference fixture (made by the original PyTorch code; format in
/// tests/CharBert.Modeling.Tests/Fixtures/PROVENANCE.md) and reports the max absolute difference of each. Works for any
/// sizes: the config comes from the fixture's __metadata__, label counts from the head weights.</summary>
public static class ReferenceVerifier
{
    private static readonly (string Prefix, TaskHeadKind Head)[] Heads =
    [
        ("seqcls", TaskHeadKind.SequenceClassification), ("tokcls", TaskHeadKind.TokenClassification),
        ("qa", TaskHeadKind.QuestionAnswering), ("mlm", TaskHeadKind.PreTraining),
    ];

    public static CharBertConfig ConfigFromFixture(SafetensorsFile fixture)
    {
        if (!fixture.Metadata.TryGetValue("config", out var json))
            throw new Text.IO.DataFormatException(fixture.Path, "$.__metadata__.config", "missing (the model config as JSON)");
        var config = CharBertConfig.FromJson(json, fixture.Path + " __metadata__.config");
        int Meta(string name, int fallback) => fixture.Metadata.TryGetValue(name, out var v) && int.TryParse(v, out var i) ? i : fallback;
        return config with
        {
            CharVocabSize = Meta("char_vocab_size", config.CharVocabSize),
            CharEmbeddingSize = Meta("char_embedding_size", config.CharEmbeddingSize),
            TermVocabSize = Meta("term_vocab_size", config.TermVocabSize),
        };
    }

    /// <param name="configure">Overrides of the performance switches (e.g. eager attention) to verify them too.</param>
    public static ReferenceReport Verify(string fixturePath, double tolerance = 1e-5, Func<CharBertConfig, CharBertConfig>? configure = null)
    {
        var fixture = SafetensorsFile.Open(fixturePath);
        var config = ConfigFromFixture(fixture);
        if (configure is not null) config = configure(config);
        var expectedNames = fixture.Entries.Keys.Where(k => k.StartsWith("expected.", StringComparison.Ordinal)).ToHashSet();
        var actual = new Dictionary<string, double>();
        var problems = new Dictionary<string, string>();

        // modules are built outside the dispose scope (their parameters must not join it)
        var models = Heads.Where(h => fixture.Entries.Keys.Any(k => k.StartsWith(h.Prefix + ".", StringComparison.Ordinal)))
            .Select(h => (h.Prefix, h.Head, Model: (TaskModel)TaskModelFactory.Create(ModelKind.CharBert, h.Head, config,
                fixture.Entries.TryGetValue(h.Prefix + ".classifier.bias", out var bias) ? (int)bias.Shape[0] : 0)))
            .ToList();
        using (var scope = NewDisposeScope())
        {
            using var batch = ReferenceInputs.Read(fixture, withLabels: true);
            var encoder = fixture.LoadAll("model.").ToDictionary(p => "bert." + p.Key, p => p.Value);
            foreach (var (prefix, head, model) in models)
            {
                var headWeights = fixture.LoadAll(prefix + ".");
                CheckpointLoader.Load(model, encoder.Concat(headWeights).ToDictionary(), fixturePath);
                model.eval();
                var output = model.Forward(batch);
                void Compare(string name, Tensor? value)
                {
                    var key = $"expected.{name}";
                    if (!expectedNames.Contains(key) || value is null) return;
                    using var expected = fixture.Load(key);
                    if (!expected.shape.SequenceEqual(value.shape))
                        problems[key] = $"shape [{string.Join(",", value.shape)}] vs expected [{string.Join(",", expected.shape)}]";
                    else
                        actual[key] = (value.detach().to_type(ScalarType.Float64) - expected.to_type(ScalarType.Float64)).abs().max().item<double>();
                }
                switch (head)
                {
                    case TaskHeadKind.SequenceClassification:
                        var encoded = output.Encoder;
                        Compare("token_embeddings", encoded.TokenEmbeddings);
                        Compare("char_embeddings", encoded.CharEmbeddings);
                        Compare("sequence_output", encoded.SequenceOutput);
                        Compare("char_sequence_output", encoded.CharSequenceOutput);
                        Compare("pooled_output", encoded.PooledOutput);
                        Compare("char_pooled_output", encoded.CharPooledOutput);
                        Compare("seqcls.logits", output.Logits);
                        Compare("seqcls.loss", output.Loss?.reshape(1));
                        output.Loss!.backward();
                        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
                        foreach (var gradName in expectedNames.Where(n => n.StartsWith("expected.seqcls.grad.", StringComparison.Ordinal)))
                        {
                            var parameterName = gradName["expected.seqcls.grad.".Length..];
                            if (!parameters.ContainsKey(parameterName) && config.FusionSharing == FusionSharing.Shared)
                                parameterName = System.Text.RegularExpressions.Regex.Replace(parameterName, @"fusion_layer_list\.\d+\.", "fusion_layer_list.0.");
                            if (parameters.TryGetValue(parameterName, out var p)) Compare(gradName["expected.".Length..], p.grad);
                        }
                        break;
                    case TaskHeadKind.TokenClassification:
                        Compare("tokcls.logits", output.Logits);
                        Compare("tokcls.loss", output.Loss?.reshape(1));
                        break;
                    case TaskHeadKind.QuestionAnswering:
                        Compare("qa.start_logits", output.StartLogits);
                        Compare("qa.end_logits", output.EndLogits);
                        Compare("qa.loss", output.Loss?.reshape(1));
                        break;
                    case TaskHeadKind.PreTraining:
                        Compare("mlm.prediction_scores", output.PredictionScores);
                        Compare("mlm.term_scores", output.TermScores);
                        Compare("mlm.masked_lm_loss", output.MaskedLmLoss?.reshape(1));
                        Compare("mlm.term_loss", output.TermLoss?.reshape(1));
                        break;
                }
            }
        }

        foreach (var (_, _, model) in models) model.Dispose();
        var comparisons = expectedNames.Order(StringComparer.Ordinal).Select(name =>
            actual.TryGetValue(name, out var diff) ? new ReferenceComparison(name, diff, diff <= tolerance)
            : new ReferenceComparison(name, double.NaN, false, problems.GetValueOrDefault(name) ?? "not computed (unknown tensor or head weights missing)")).ToList();
        return new ReferenceReport(fixturePath, tolerance, comparisons);
    }

    public static string ToJson(ReferenceReport report) => JsonSerializer.Serialize(new
    {
        fixture = report.FixturePath,
        tolerance = report.Tolerance,
        passed = report.AllWithinTolerance,
        tensors = report.Comparisons.Select(c => new
        {
            name = c.Name, max_abs_diff = double.IsNaN(c.MaxAbsDiff) ? (double?)null : c.MaxAbsDiff, within_tolerance = c.WithinTolerance, problem = c.Problem,
        }),
    }, new JsonSerializerOptions { WriteIndented = true });
}
