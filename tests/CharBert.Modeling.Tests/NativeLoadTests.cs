using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests;

public class NativeLoadTests
{
    [Test]
    public void LibTorchLoadsAndRunsAGruBackward()
    {
        manual_seed(1);
        using var gru = TorchSharp.torch.nn.GRU(4, 3, bidirectional: true, batchFirst: true);
        using var scope = NewDisposeScope();
        var x = randn(2, 5, 4, requires_grad: true);
        var (y, _) = gru.forward(x);
        y.sum().backward();
        Assert.That(x.grad, Is.Not.Null);
        Assert.That(y.shape, Is.EqualTo(new long[] { 2, 5, 6 }));
    }
}
