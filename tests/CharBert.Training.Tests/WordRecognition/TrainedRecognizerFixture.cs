using CharBert.Training.WordRecognition;
using NUnit.Framework;

namespace CharBert.Training.Tests.WordRecognition;

/// <summary>A fixture whose tests share one <see cref="TinyRecognizers.Train"/> recogniser, trained once.</summary>
public abstract class TrainedRecognizerFixture
{
    protected WordRecognizer Trained { get; private set; } = null!;

    [OneTimeSetUp]
    public void TrainOnce() => Trained = TinyRecognizers.Train();

    [OneTimeTearDown]
    public void Release() => Trained.Dispose();
}
