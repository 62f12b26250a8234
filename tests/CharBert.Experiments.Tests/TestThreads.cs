using NUnit.Framework;

namespace CharBert.Experiments.Tests;

/// <summary>One intra-op thread for the suite (as CharBert.Modeling.Tests): the CI and dev machines are small and shared,
/// and OpenMP spinning under contention makes tiny-model steps (the char BiGRU's many small ops above all) many times slower.</summary>
[SetUpFixture]
public class TestThreads
{
    [OneTimeSetUp]
    public void UseOneThread() => TorchSharp.torch.set_num_threads(1);
}
