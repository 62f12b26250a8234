using CharBert.Training.Runs;
using CsvHelper.Configuration;

namespace CharBert.Experiments.Results;

/// <summary>One word of one sentence in sensitivity-words.csv: the clean word, its attacked counterpart
/// (same position), whether the attack changed it, and 1 − cos between their pooled vectors.</summary>
public sealed record SensitivityWordRow(int Sentence, int WordIndex, string CleanWord, string AttackedWord, bool Attacked, double OneMinusCos);

public sealed class SensitivityWordRowMap : SnakeCaseMap<SensitivityWordRow>;

/// <summary>One row of a training run's train_log.csv (CharBert.Training writes Step, Epoch, Loss, LearningRate, ...);
/// only step and loss are charted, so only those are read.</summary>
public sealed record TrainingLogRow(long Step, double Loss);

public sealed class TrainingLogRowMap : ClassMap<TrainingLogRow>
{
    public TrainingLogRowMap()
    {
        Parameter(nameof(TrainingLogRow.Step)).Name("Step", "step");
        Parameter(nameof(TrainingLogRow.Loss)).Name("Loss", "loss");
        Map(r => r.Step).Name("Step", "step");
        Map(r => r.Loss).Name("Loss", "loss");
    }
}
