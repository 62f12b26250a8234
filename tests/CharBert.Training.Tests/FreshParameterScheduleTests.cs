using CharBert.Training.Optimization;
using CharBert.Training.Tests.Support;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Training.Tests;

public class FreshParameterScheduleTests
{
    static readonly HashSet<string> Classifier = ["classifier.weight", "classifier.bias"];

    static Dictionary<string, float[]> Snapshot(nn.Module model) =>
        model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().cpu().data<float>().ToArray());

    [Test]
    public void Schedules_follow_their_own_peak_and_warm_up_and_the_pretrained_ones_wait_for_the_frozen_phase()
    {
        var plan = new FreshParameterSchedule { FreshLearningRate = 1e-3, FreshWarmupSteps = 2, FrozenSteps = 4 };
        var fresh = plan.ScheduleFor(fresh: true, learningRate: 1e-4, warmupSteps: 2, totalSteps: 10);
        var pretrained = plan.ScheduleFor(fresh: false, learningRate: 1e-4, warmupSteps: 2, totalSteps: 10);
        // fresh: 0, 1e-3/2, then linear decay from 1e-3 at step 2 to 0 at step 10
        Assert.That(Enumerable.Range(0, 4).Select(fresh), Is.EqualTo(new[] { 0, 5e-4, 1e-3, 1e-3 * 7 / 8 }).Within(1e-12));
        // pretrained: 0 while frozen (steps 0-3), then warm-up over 2 steps from step 4 and decay to 0 at step 10 (6 steps in all)
        Assert.That(Enumerable.Range(0, 10).Select(pretrained),
            Is.EqualTo(new[] { 0, 0, 0, 0, 0, 5e-5, 1e-4, 1e-4 * 3 / 4, 1e-4 / 2, 1e-4 / 4 }).Within(1e-12));
        var unset = new FreshParameterSchedule();
        Assert.That(Enumerable.Range(0, 10).Select(unset.ScheduleFor(true, 1e-4, 2, 10)),
            Is.EqualTo(Enumerable.Range(0, 10).Select(new LinearWarmupSchedule(1e-4, 2, 10).LearningRateAt)), "unset: the run's own schedule");
    }

    [Test]
    public void During_the_frozen_phase_only_the_fresh_parameters_change_and_afterwards_all_do()
    {
        using var run = new TempDirectory();
        var data = new KeywordSentences(64, seed: 1);
        var options = new TrainingOptions
        {
            MaxSteps = 8, BatchSize = 16, LearningRate = 0.05, Quiet = true, Seed = 3, CheckpointEvery = 0,
            FreshParameters = new FreshParameterSchedule { FreshLearningRate = 0.1, FrozenSteps = 4 },
        };
        manual_seed(3);
        var model = new BagOfWordsClassifier(KeywordSentences.VocabSize);
        var before = Snapshot(model);
        new Trainer(model, model.Loss, data, options with { StopAfterSteps = 4, CheckpointEvery = 4 }, run.Path, Classifier).Run();
        var frozen = Snapshot(model);
        foreach (var (name, values) in frozen)
            Assert.That(values.SequenceEqual(before[name]), Is.EqualTo(!Classifier.Contains(name)), name);
        Assert.That(model.parameters().All(p => p.requires_grad), "trainable again when the run stops");

        new Trainer(model, model.Loss, data, options, run.Path, Classifier).Run(resume: true);
        var after = Snapshot(model);
        Assert.That(after.Where(p => !Classifier.Contains(p.Key)).All(p => !p.Value.SequenceEqual(frozen[p.Key])), "pretrained parameters train after the frozen phase");
    }

    [Test]
    public void Frozen_steps_must_leave_steps_to_train_in()
    {
        var options = new TrainingOptions { MaxSteps = 4, FreshParameters = new FreshParameterSchedule { FrozenSteps = 4 } };
        Assert.That(Assert.Throws<ArgumentException>(options.Validate)!.Message, Does.Contain("never train"));
    }
}
