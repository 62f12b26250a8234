using CharBert.Text.Vocab;
using CharBert.Training.FineTuning;
using CharBert.Training.PreTraining;
using CharBert.Training.Runs;
using CharBert.Training.Tasks;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Training.Tests.FineTuning;

/// <summary>Training takes its casing from the model's tokenizer_config.json unless told otherwise, records the casing
/// it used in the run, and states it in the model directory it writes.</summary>
public class LowerCasingTests
{
    [Test]
    public void AnUncasedVocabularyIsReadUncasedUnlessTheUserSaysOtherwise()
    {
        using var dir = new TempDirectory();
        var vocab = SyntheticTaskFiles.WriteVocabulary(dir.Combine("vocab"));
        var settings = FineTuneEndToEndTests.Settings(dir, "ner", dir.Combine("train.txt"), dir.Combine("dev.txt")) with { VocabDirectory = vocab };
        Assert.That(settings.ResolvedLowerCase, Is.False, "no tokenizer_config.json: cased, as the original");
        TokenizerConfigFile.Write(vocab, doLowerCase: true);
        Assert.That(settings.ResolvedLowerCase, Is.True);
        Assert.That((settings with { LowerCase = false }).ResolvedLowerCase, Is.False);

        var pretrain = new PretrainSettings { TrainFiles = [], VocabDirectory = dir.Combine("elsewhere"), InitFrom = vocab, Output = dir.Combine("p") };
        Assert.That(pretrain.ResolvedLowerCase, Is.True, "pre-training from a model directory reads it the same way");
    }

    [Test]
    public void TheRunRecordsTheResolvedCasingAndTheSavedModelStatesIt()
    {
        using var dir = new TempDirectory();
        var settings = FineTuneEndToEndTests.Settings(dir, "ner", SyntheticTaskFiles.WriteNer(dir.Combine("train.txt"), 16, 1),
            SyntheticTaskFiles.WriteNer(dir.Combine("dev.txt"), 8, 2));
        settings = settings with { Training = settings.Training with { Epochs = 1 } };
        TokenizerConfigFile.Write(settings.VocabDirectory!, doLowerCase: true);

        FineTuneRunner.Run(settings);

        Assert.That(JsonFiles.Read<FineTuneSettings>(Path.Combine(settings.Output, RunFiles.Config)).LowerCase, Is.True, "--resume reads the run the same way");
        var model = Path.Combine(settings.Output, RunFiles.Model);
        Assert.That(TaskMetadata.Load(model).LowerCase, Is.True);
        Assert.That(TokenizerConfigFile.ReadDoLowerCase(model), Is.True, "sensitivity and evaluate read the model's casing from its directory");
    }
}
