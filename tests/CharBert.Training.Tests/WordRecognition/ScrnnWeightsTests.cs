using CharBert.Modeling.Safetensors;
using CharBert.Modeling.WordRecognition;
using CharBert.Text.IO;
using CharBert.Training.Tests.Support;
using CharBert.Training.WordRecognition;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Training.Tests.WordRecognition;

public class ScrnnWeightsTests : TrainedRecognizerFixture
{
    [Test]
    public void SavedAsSafetensorsUnderTheModulesStateDictNames()
    {
        using var dir = new TempDirectory();
        Trained.Save(dir.Path);

        using var model = Trained.Config.CreateModel();
        var file = SafetensorsFile.Open(dir.Combine(ScrnnWeights.FileName));
        Assert.That(file.Entries.Keys, Is.EquivalentTo(model.state_dict().Keys));
        Assert.That(file.Entries.Keys, Does.Contain("classifier.bias").And.Contain("lstm.weight_hh_l0_reverse"));
        Assert.That(File.Exists(dir.Combine(ScrnnWeights.LegacyFileName)), Is.False);
    }

    [Test]
    public void AnOldFormatDirectoryStillLoadsAndIsConvertedWhenSavedAgain()
    {
        using var dir = new TempDirectory();
        Trained.Save(dir.Path);
        using (var model = TinyRecognizers.Weights(Trained.Config, dir.Path))
            model.save(dir.Combine(ScrnnWeights.LegacyFileName)); // TorchSharp's module.save, the format used before
        File.Delete(dir.Combine(ScrnnWeights.FileName));
        var attacked = TinyRecognizers.Attacked(20, seed: 13);

        using (var old = WordRecognizer.Load(dir.Path))
        {
            Assert.That(old.RecognizeSentences(attacked), Is.EqualTo(Trained.RecognizeSentences(attacked)));
            old.Save(dir.Path);
        }
        Assert.That(File.Exists(dir.Combine(ScrnnWeights.FileName)));
        Assert.That(File.Exists(dir.Combine(ScrnnWeights.LegacyFileName)), Is.False);
        using var converted = WordRecognizer.Load(dir.Path);
        Assert.That(converted.RecognizeSentences(attacked), Is.EqualTo(Trained.RecognizeSentences(attacked)));
    }

    [Test]
    public void MissingOrUnexpectedKeysAreListedWithTheFile()
    {
        using var dir = new TempDirectory();
        Trained.Save(dir.Path);
        var path = dir.Combine(ScrnnWeights.FileName);
        using (NewDisposeScope())
        {
            var tensors = SafetensorsFile.Open(path).LoadAll();
            tensors.Remove("classifier.bias");
            tensors["classifier.scale"] = ones(3);
            SafetensorsWriter.Write(path, tensors);
        }

        var error = Assert.Throws<DataFormatException>(() => WordRecognizer.Load(dir.Path))!;
        Assert.That(error.Message, Does.Contain(path).And.Contain("missing keys: classifier.bias").And.Contain("unexpected keys: classifier.scale"));
    }

    [Test]
    public void MissingOrUnreadableWeightsAreNamed()
    {
        using var dir = new TempDirectory();
        Trained.Save(dir.Path);
        File.Delete(dir.Combine(ScrnnWeights.FileName));
        var missing = Assert.Throws<FileNotFoundException>(() => WordRecognizer.Load(dir.Path))!;
        Assert.That(missing.Message, Does.Contain(ScrnnWeights.FileName).And.Contain(ScrnnWeights.LegacyFileName));

        File.WriteAllText(dir.Combine(ScrnnWeights.LegacyFileName), "not a TorchSharp file");
        var unreadable = Assert.Throws<DataFormatException>(() => WordRecognizer.Load(dir.Path))!;
        Assert.That(unreadable.Message, Does.Contain(dir.Combine(ScrnnWeights.LegacyFileName)));
    }
}
