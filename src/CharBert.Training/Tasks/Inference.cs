using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Featurization;
using CharBert.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training.Tasks;

/// <summary>Runs a model over featurised examples in eval mode without gradients (restoring the previous
/// mode), one dispose scope per batch; <paramref name="consume"/> copies what it needs out of each output.</summary>
public static class Inference
{
    public static void Run(ITaskModel model, IReadOnlyList<InputFeatures> features, Device device, int batchSize,
        Action<TaskOutput, int[]> consume) => Run(model, features, device, batchSize, padToLongest: false, consume);

    /// <summary>With <paramref name="padToLongest"/> the batches hold examples sorted by length (longest first) and are
    /// cut to their longest sequence; <paramref name="consume"/> gets each batch's example indices either way.</summary>
    public static void Run(ITaskModel model, IReadOnlyList<InputFeatures> features, Device device, int batchSize, bool padToLongest,
        Action<TaskOutput, int[]> consume)
    {
        var module = model.Module;
        var wasTraining = module.training;
        module.eval();
        try
        {
            using var noGrad = torch.no_grad();
            var batches = padToLongest
                ? EpochOrder.SortedByLength(features.Select(FeatureCollator.Length).ToArray(), batchSize)
                : EpochOrder.Sequential(features.Count, batchSize);
            foreach (var indices in batches)
            {
                using var scope = torch.NewDisposeScope();
                using var cpu = FeatureCollator.Collate(features, indices, padToLongest);
                using var batch = cpu.To(device);
                consume(model.Forward(batch), indices);
            }
        }
        finally
        {
            if (wasTraining) module.train();
        }
    }

    /// <summary>argmax over the last dimension, as int rows (one per example; token tasks: one entry per position).</summary>
    public static int[][] ArgMaxRows(Tensor logits)
    {
        var ids = logits.argmax(-1).cpu();
        var rows = (int)ids.shape[0];
        var width = ids.dim() == 1 ? 1 : (int)ids.shape[1];
        var flat = ids.data<long>().ToArray();
        return Enumerable.Range(0, rows).Select(r => flat.Skip(r * width).Take(width).Select(v => (int)v).ToArray()).ToArray();
    }
}
