using CsvHelper.Configuration;

namespace CharBert.Experiments.Results;

/// <summary>One word of one sentence in sensitivity-words.csv: the clean word, its attacked counterpart
/// (same position), whether the attack changed it, and 1 − cos between their pooled vectors.</summary>
public sealed record SensitivityWordRow(int Sentence, int WordIndex, string CleanWord, string AttackedWord, bool Attacked, double OneMinusCos);

public sealed class SensitivityWordRowMap : ClassMap<SensitivityWordRow>
{
    public SensitivityWordRowMap()
    {
        Parameter(nameof(SensitivityWordRow.Sentence)).Name("sentence");
        Parameter(nameof(SensitivityWordRow.WordIndex)).Name("word_index");
        Parameter(nameof(SensitivityWordRow.CleanWord)).Name("clean_word");
        Parameter(nameof(SensitivityWordRow.AttackedWord)).Name("attacked_word");
        Parameter(nameof(SensitivityWordRow.Attacked)).Name("attacked");
        Parameter(nameof(SensitivityWordRow.OneMinusCos)).Name("one_minus_cos");
        Map(r => r.Sentence).Name("sentence");
        Map(r => r.WordIndex).Name("word_index");
        Map(r => r.CleanWord).Name("clean_word");
        Map(r => r.AttackedWord).Name("attacked_word");
        Map(r => r.Attacked).Name("attacked");
        Map(r => r.OneMinusCos).Name("one_minus_cos");
    }
}

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
