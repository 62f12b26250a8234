using CharBert.Experiments.Ablation;
using CharBert.Experiments.Charts;
using CharBert.Experiments.Results;
using CharBert.Metrics.Analysis;

namespace CharBert.Experiments.Tests;

/// <summary>A small, made-up results folder (seeded noise) with everything the charts and report read:
/// summary.csv for 3 variants × 3 seeds on one task with two attacks at three rates, sensitivity and
/// word/subword metrics, subword-split statistics, a per-word sensitivity file, a training log and environment records.</summary>
static class SyntheticResults
{
    public static readonly string[] Variants = ["charbert", "bert", "charbert-cnn"];
    public static readonly int[] Seeds = [1, 2, 3];
    public static readonly string[] Attacks = ["drop", "keyboard"];
    public static readonly double[] Rates = [0.1, 0.2, 0.3];

    public static void Write(string resultsDir)
    {
        var random = new Random(1234);
        double Noise() => (random.NextDouble() - 0.5) * 0.02;
        var store = new SummaryStore(resultsDir);
        for (var v = 0; v < Variants.Length; v++)
        foreach (var seed in Seeds)
        {
            var variant = Variants[v];
            var robustness = variant == "bert" ? 1.0 : 0.5; // bert loses more under attack
            var rows = new List<ResultRow>();
            void Add(string testSet, string attack, double rate, string metric, double value) =>
                rows.Add(new ResultRow(variant, seed, "ner", testSet, attack, rate, metric, Math.Round(value, 6)));
            var clean = 0.90 - 0.02 * v + Noise();
            Add("clean", ResultRow.NoAttack, 0, "f1", clean);
            Add("clean", ResultRow.NoAttack, 0, "f1.word", clean + 0.02);
            Add("clean", ResultRow.NoAttack, 0, "f1.subword", clean - 0.05);
            foreach (var attack in Attacks)
            foreach (var rate in Rates)
            {
                var testSet = $"{attack}@{rate}";
                var attacked = clean - robustness * rate * (attack == "drop" ? 0.8 : 0.6) + Noise();
                Add(testSet, attack, rate, "f1", attacked);
                Add(testSet, attack, rate, "f1.word", attacked + 0.03);
                Add(testSet, attack, rate, "f1.subword", attacked - 0.08);
                Add(testSet, attack, rate, MetricNames.Sensitivity, 0.1 * robustness + rate * 0.2 + Noise());
                Add(testSet, attack, rate, MetricNames.SensitivityAttacked, 0.3 * robustness + rate * 0.2 + Noise());
                Add(testSet, attack, rate, MetricNames.SensitivityUnattacked, 0.05 * robustness + Noise());
            }
            store.AppendCell(new CellKey(variant, seed, "ner"), rows);
            var runDir = AblationRunner.RunDirOf(resultsDir, new CellKey(variant, seed, "ner"));
            Directory.CreateDirectory(runDir);
            CellEnvironment.Capture("charbert ablate --spec experiments/synthetic.json", "cpu", seed).Save(Path.Combine(runDir, CellEnvironment.FileName));
            // the CNN variant's made-up tokenizer splits differently from the other two's
            SubwordSplitTable.Upsert(resultsDir, SubwordSplitRow.From("ner", variant, variant == "charbert-cnn"
                ? new SubwordSplitStatistics(1000, 150, new EntitySplitCounts(200, 80, 300, 100))
                : new SubwordSplitStatistics(1000, 178, new EntitySplitCounts(200, 91, 300, 120))));
            File.WriteAllLines(Path.Combine(runDir, ResultPlotter.TrainingLogFile),
                ["Step,Epoch,Loss,LearningRate,TokensPerSecond,ExamplesPerSecond",
                 .. Enumerable.Range(1, 50).Select(s => $"{s * 10},1,{2.5 * Math.Exp(-s / 15.0) + 0.3 + Noise():0.0000},0.00003,1000,10")]);
        }
        string[][] sentence =
        [
            ["I", "I"], ["think", "thnik"], ["this", "this"], ["movie", "moive"], ["was", "was"], ["great", "grate"], [".", "."],
        ];
        File.WriteAllLines(Path.Combine(resultsDir, ResultPlotter.SensitivityWordsFile),
            ["sentence,word_index,clean_word,attacked_word,attacked,one_minus_cos",
             .. sentence.Select((w, i) => $"0,{i},{w[0]},{w[1]},{(w[0] != w[1]).ToString().ToLowerInvariant()},{(w[0] != w[1] ? 0.3 + 0.1 * random.NextDouble() : 0.02 * random.NextDouble()):0.0000}")]);
    }
}
