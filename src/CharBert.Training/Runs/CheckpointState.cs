namespace CharBert.Training.Runs;

/// <summary>Everything besides tensors that a resumed run needs to continue exactly: the schedule position
/// (optimiser steps done), the data position (epoch and next batch within it) and torch's CPU RNG state.
/// The data order itself is recomputed from (seed, epoch); the CUDA generator is reseeded per batch instead
/// (<see cref="Data.CudaBatchSeed"/>).</summary>
public sealed record CheckpointState(
    int GlobalStep, int Epoch, int NextBatchInEpoch, int Seed, string TorchRngState,
    double EpochLossSum, int EpochLossCount, IReadOnlyList<EpochMetrics> CompletedEpochs);
