using NUnit.Framework;

namespace CharBert.Modeling.Tests;

/// <summary>One intra-op thread for the suite: the CI and dev machines are small and shared, and OpenMP spinning
/// under contention makes tiny-model tests many times slower.</summary>
[SetUpFixture]
public class TestThreads
{
    [OneTimeSetUp]
    public void UseOneThread() => TorchSharp.torch.set_num_threads(1);
}
