using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Safetensors;
using CharBert.Text.IO;
using static TorchSharp.torch;

namespace CharBert.Modeling.Verification;

/// <summary>`verify-reference --checkpoint DIR --expected FILE --key K`: loads a model directory (any weights format,
/// with or without task.json), runs FILE's input.* tensors through the encoder and head the checkpoint holds, in eval
/// mode, and compares the head's first output (what the original's forward returns first: classification logits,
/// the MLM prediction scores, or the QA start logits) with FILE's tensor K.</summary>
public static class CheckpointReferenceVerifier
{
    public static ReferenceReport Verify(string modelDirectory, string expectedPath, string key, double tolerance = 1e-5, string? weightsFile = null)
    {
        var expectedFile = SafetensorsFile.Open(expectedPath);
        if (!expectedFile.Contains(key))
            throw new DataFormatException(expectedPath, 0, $"no tensor named '{key}' (it holds {string.Join(", ", expectedFile.Entries.Keys.Where(k => !k.StartsWith("input.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))})");
        // (B, T, labels) logits are a token classifier's, (B, labels) a sequence classifier's
        var hint = expectedFile.Entries[key].Shape.Length == 3 ? TaskHeadKind.TokenClassification : TaskHeadKind.SequenceClassification;
        using var model = ModelDirectory.Load(modelDirectory, weightsFile: weightsFile, classifierHint: hint);
        model.Module.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var batch = ReferenceInputs.Read(expectedFile, withLabels: false);
        var output = model.Forward(batch);
        var actual = model.Head switch
        {
            TaskHeadKind.PreTraining => output.PredictionScores!,
            TaskHeadKind.QuestionAnswering => output.StartLogits!,
            _ => output.Logits,
        };
        var expected = expectedFile.Load(key);
        var comparison = actual.shape.SequenceEqual(expected.shape)
            ? Compare(key, actual, expected, tolerance)
            : new ReferenceComparison(key, double.NaN, false,
                $"the {model.Kind} {model.Head} model's output has shape [{string.Join(",", actual.shape)}], expected [{string.Join(",", expected.shape)}]");
        return new ReferenceReport(expectedPath, tolerance, [comparison]);
    }

    private static ReferenceComparison Compare(string key, Tensor actual, Tensor expected, double tolerance)
    {
        var diff = (actual.to_type(ScalarType.Float64) - expected.to_type(ScalarType.Float64)).abs().max().item<double>();
        return new ReferenceComparison(key, diff, diff <= tolerance);
    }
}
