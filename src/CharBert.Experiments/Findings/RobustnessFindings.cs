using CharBert.Experiments.Ablation;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;
using CharBert.Metrics.Robustness;

namespace CharBert.Experiments.Findings;

/// <summary>One variant on one task under the headline attack: its clean and attacked scores and relative drop
/// ((clean − attacked) / clean, per seed) as mean ± sample std over seeds, and, for every variant but the baseline, the
/// ratio of its mean relative drop to the baseline's with a paired bootstrap interval (<see cref="DropRatioBootstrap"/>).</summary>
public sealed record VariantRobustness(
    string Task, string Variant, string Metric, string AttackedSet, int Seeds,
    double CleanMean, double CleanStd, double AttackedMean, double AttackedStd, double DropMean, double DropStd,
    DropRatioEstimate? RatioToBaseline)
{
    /// <summary>Clean score of always predicting the most frequent gold label (null without predictions).</summary>
    public double? MajorityScore { get; init; }

    /// <summary>Whether the baseline (BERT) beats its majority score on this task; null when unknown.</summary>
    public bool? BaselineLearned { get; init; }

    /// <summary>A model within this margin of the majority score has not learned the task (its robustness means nothing).</summary>
    public const double LearnedMargin = 0.01;

    public bool? Learned => MajorityScore is { } floor ? CleanMean > floor + LearnedMargin : null;
}

/// <summary>The paper's three-way robustness comparison, computed from a results folder: summary.csv for the scores and
/// the evaluate steps' predictions for the bootstrap. The baseline is "bert"; the headline attack is charbert2020 at
/// rate 1 (else the spec's first attack at its largest rate).</summary>
public static class RobustnessFindings
{
    public const string Baseline = "bert";
    public const string CsvFile = "robustness.csv";
    public const int Resamples = 10_000;

    public static IReadOnlyList<VariantRobustness> Compute(string resultsDir, int resamples = Resamples)
    {
        var rows = new SummaryStore(resultsDir).ReadAll();
        var specPath = Path.Combine(resultsDir, AblationRunner.ResolvedSpecFile);
        var spec = File.Exists(specPath) ? SpecLoader.Load(specPath) : null;
        var findings = new List<VariantRobustness>();
        foreach (var task in rows.Select(r => r.Task).Distinct())
        {
            var taskRows = rows.Where(r => r.Task == task).ToList();
            var metric = spec?.Tasks.GetValueOrDefault(task)?.Metric ?? (taskRows.Any(r => r.Metric == "f1") ? "f1" : "accuracy");
            if (HeadlineSet(taskRows) is not { } attacked) continue;
            var perVariant = taskRows.Select(r => r.Variant).Distinct().ToList();
            var baselineSeeds = SeedsWith(taskRows, Baseline, metric, attacked);
            foreach (var variant in perVariant)
            {
                var seeds = SeedsWith(taskRows, variant, metric, attacked);
                if (seeds.Count == 0) continue;
                double Value(int seed, string set) => taskRows.Single(r => r.Variant == variant && r.Seed == seed && r.TestSet == set && r.Metric == metric).Value;
                var clean = seeds.Select(s => Value(s, "clean")).ToList();
                var under = seeds.Select(s => Value(s, attacked)).ToList();
                var drops = clean.Zip(under, (c, a) => c == 0 ? double.NaN : RobustnessSummary.RelativeDrop(c, a)).ToList(); // undefined at 0
                var paired = seeds.Intersect(baselineSeeds).Order().ToList();
                DropRatioEstimate? ratio = null;
                if (variant != Baseline && paired.Count > 0 && HasPredictions(resultsDir, [variant, Baseline], task, paired, attacked))
                    ratio = DropRatioBootstrap.Estimate(Outcomes(resultsDir, variant, task, paired, attacked, metric),
                        Outcomes(resultsDir, Baseline, task, paired, attacked, metric), resamples);
                var (cm, cs) = Aggregation.MeanStd(clean);
                var (am, @as) = Aggregation.MeanStd(under);
                var (dm, ds) = Aggregation.MeanStd(drops);
                var cleanPredictions = PredictionsFolder(resultsDir, variant, seeds[0], task, "clean");
                var majority = Directory.Exists(cleanPredictions) && Directory.GetFiles(cleanPredictions, "predictions_*.csv").Length == 1
                    ? PredictionScores.MajorityScore(PredictionScores.FileIn(cleanPredictions), metric)
                    : (double?)null;
                findings.Add(new VariantRobustness(task, variant, metric, attacked, seeds.Count, cm, cs, am, @as, dm, ds, ratio) { MajorityScore = majority });
            }
        }
        return findings.Select(f => f with
        {
            BaselineLearned = findings.FirstOrDefault(b => b.Task == f.Task && b.Variant == Baseline)?.Learned,
        }).ToList();
    }

    /// <summary>charbert2020@1 when present, else the first attacked set at its largest rate.</summary>
    static string? HeadlineSet(IReadOnlyList<ResultRow> rows)
    {
        var attacked = rows.Where(r => !r.IsClean && r.TestSet.Contains('@')).ToList();
        if (attacked.Any(r => r.TestSet == "charbert2020@1")) return "charbert2020@1";
        return attacked.OrderBy(r => r.Attack, StringComparer.Ordinal).ThenByDescending(r => r.Rate).FirstOrDefault()?.TestSet;
    }

    static List<int> SeedsWith(IReadOnlyList<ResultRow> rows, string variant, string metric, string attacked) =>
        rows.Where(r => r.Variant == variant && r.Metric == metric && r.TestSet == attacked).Select(r => r.Seed)
            .Where(s => rows.Any(r => r.Variant == variant && r.Seed == s && r.Metric == metric && r.IsClean)).Distinct().Order().ToList();

    /// <summary>The bootstrap needs every evaluate step's predictions (a results folder of summary rows alone has none).</summary>
    static bool HasPredictions(string resultsDir, string[] variants, string task, IReadOnlyList<int> seeds, string attacked) =>
        (from variant in variants from seed in seeds from set in new[] { "clean", attacked }
         select PredictionsFolder(resultsDir, variant, seed, task, set))
        .All(folder => Directory.Exists(folder) && Directory.GetFiles(folder, "predictions_*.csv").Length == 1);

    static string PredictionsFolder(string resultsDir, string variant, int seed, string task, string set) =>
        Path.Combine(AblationRunner.RunDirOf(resultsDir, new CellKey(variant, seed, task)), EvaluateStep.Folder, set.Replace('@', '-'));

    static SentenceOutcomes Outcomes(string resultsDir, string variant, string task, IReadOnlyList<int> seeds, string attacked, string metric)
    {
        SentenceScores Read(int seed, string set) => PredictionScores.Read(PredictionScores.FileIn(PredictionsFolder(resultsDir, variant, seed, task, set)), metric);
        return new SentenceOutcomes(seeds.Select(s => Read(s, "clean")).ToList(), seeds.Select(s => Read(s, attacked)).ToList());
    }
}
