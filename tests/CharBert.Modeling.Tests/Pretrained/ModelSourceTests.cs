using CharBert.Modeling.Pretrained;
using NUnit.Framework;

namespace CharBert.Modeling.Tests.Pretrained;

[NonParallelizable] // sets CHARBERT_CACHE
public class ModelSourceTests
{
    string _root = "";
    string? _savedCache;

    [SetUp]
    public void SetUp()
    {
        _root = Directory.CreateTempSubdirectory("charbert-model-source-").FullName;
        _savedCache = Environment.GetEnvironmentVariable("CHARBERT_CACHE");
        Environment.SetEnvironmentVariable("CHARBERT_CACHE", Path.Combine(_root, "cache"));
    }

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable("CHARBERT_CACHE", _savedCache);
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public void AnExistingDirectoryIsTakenAsItIs()
    {
        var model = Directory.CreateDirectory(Path.Combine(_root, "data", "minilm-l6")).FullName;
        Assert.That(ModelSource.Resolve(model), Is.EqualTo(model));
        Assert.That(ModelSource.Resolve("minilm-l6", relativeTo: Path.Combine(_root, "data")), Is.EqualTo(model),
            "a directory under the spec's data root wins over the built-in name");
    }

    [Test]
    public void ABuiltInNameIsTheCachedImport()
    {
        Assert.That(ModelSource.CacheDirectory(), Is.EqualTo(Path.Combine(_root, "cache", "models")));
        var cached = Directory.CreateDirectory(Path.Combine(ModelSource.CacheDirectory(), "minilm-l6")).FullName;
        var logged = new List<string>();
        Assert.That(ModelSource.Resolve("minilm-l6", log: logged.Add), Is.EqualTo(cached));
        Assert.That(logged, Is.Empty, "nothing to import");
    }

    [TestCase("minilm-l12")]
    [TestCase("no/such/dir")]
    public void AnUnknownNameSaysWhatExists(string name)
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => ModelSource.Resolve(name));
        Assert.That(error!.Message, Is.EqualTo($"no model directory or built-in model named {name} (built-in: minilm-l6)"));
    }
}
