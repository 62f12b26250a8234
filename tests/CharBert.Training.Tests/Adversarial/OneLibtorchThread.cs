using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Training.Tests.Adversarial;

/// <summary>The adversarial tests run tiny models over many small batches: with one libtorch thread that is several
/// times faster on a busy shared machine (as ScrnnTrainingTests found). Restored afterwards.</summary>
[SetUpFixture]
public sealed class OneLibtorchThread
{
    int _previous;

    [OneTimeSetUp]
    public void Set()
    {
        _previous = get_num_threads();
        set_num_threads(1);
    }

    [OneTimeTearDown]
    public void Restore() => set_num_threads(_previous);
}
