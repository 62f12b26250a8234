using CharBert.Attacks.Randomness;

namespace CharBert.Training.Data;

/// <summary>TorchSharp 0.107 can seed the CUDA generator but cannot read or restore its state, so a checkpoint
/// cannot carry it. On CUDA the trainer therefore reseeds that generator before every micro-batch from (seed, epoch,
/// batch): dropout masks become a function of the data position, and a resumed run draws the same ones as an
/// uninterrupted run. The CPU generator's state is checkpointed instead, so CPU runs are unaffected.</summary>
public static class CudaBatchSeed
{
    public static long For(int seed, int epoch, int batch)
    {
        var rng = SplitMix64.ForRecord((ulong)seed, $"cuda-rng/{epoch}/{batch}");
        return (long)(rng.NextUInt64() >> 1);
    }
}
