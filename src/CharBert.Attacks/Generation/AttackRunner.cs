using CharBert.Attacks.Formats;
using CharBert.Attacks.Output;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;

namespace CharBert.Attacks.Generation;

/// <summary>One requested attack set: a name ("mixed" or a type name) and the recipe that makes it.</summary>
public sealed record AttackSetRequest(string Name, AttackRecipe Recipe);

/// <summary>Generates attack sets for a document and writes, into <c>outDir</c>, per set
/// <c>{stem}.{recipe}.{set}{ext}</c>, <c>….edits.csv</c> and <c>….statistics.json</c>, plus one
/// <c>{stem}.{recipe}.manifest.json</c>. Every file is written atomically.</summary>
public static class AttackRunner
{
    /// <summary>The set over all requested edit types (the others are named after their single type).</summary>
    public const string MixedSetName = "mixed";

    public static AttackManifest Run(IAttackDocument document, string inputPath, string task, IReadOnlyList<AttackSetRequest> sets,
        ulong seed, TaskKind taskKind, int threads, string outDir, IReadOnlyDictionary<string, string> options,
        Action<int>? progress = null)
    {
        if (sets.Count == 0) throw new ArgumentException("no attack set requested");
        Directory.CreateDirectory(outDir);
        var recipeName = sets[0].Recipe.Name;
        var extension = Path.GetExtension(document.FileName);
        var entries = new List<AttackSetEntry>();
        foreach (var set in sets)
        {
            var outputPath = SetPath(outDir, document.FileName, recipeName, set.Name);
            var prefix = outputPath[..^extension.Length];
            var counters = new AttackCounters();
            var results = new AttackSetGenerator(set.Recipe, seed, taskKind).AttackAll(document.Records, threads, counters, progress);
            document.Write(outputPath, results);
            EditLogWriter.Write(prefix + ".edits.csv", EditLogWriter.Rows(results, set.Recipe.Name));
            var statistics = AttackStatistics.From(counters);
            AttackManifest.WriteJson(prefix + ".statistics.json", statistics);
            entries.Add(new AttackSetEntry(set.Name, set.Recipe.Types.Select(t => t.ToName()).ToArray(), FileFingerprint.Of(outputPath),
                Path.GetFileName(prefix + ".edits.csv"), Path.GetFileName(prefix + ".statistics.json"), statistics));
        }
        var first = sets[0].Recipe;
        var manifest = new AttackManifest("charbert attack", AttackManifest.CurrentToolVersion(), task, FileFingerprint.Of(inputPath),
            first.Name, first.Reproduces, seed, first.Parameters, new SortedDictionary<string, string>(options.ToDictionary(), StringComparer.Ordinal), entries);
        AttackManifest.WriteJson(ManifestPath(outDir, document.FileName, recipeName), manifest);
        return manifest;
    }

    /// <summary>Where <see cref="Run"/> writes set <paramref name="setName"/> of <paramref name="inputFileName"/>:
    /// <c>{stem}.{recipe}.{set}{ext}</c>.</summary>
    public static string SetPath(string outDir, string inputFileName, string recipe, string setName) =>
        Path.Combine(outDir, $"{Path.GetFileNameWithoutExtension(inputFileName)}.{recipe}.{setName}{Path.GetExtension(inputFileName)}");

    /// <summary>Where <see cref="Run"/> writes the manifest, last: its presence means every set is complete.</summary>
    public static string ManifestPath(string outDir, string inputFileName, string recipe) =>
        Path.Combine(outDir, $"{Path.GetFileNameWithoutExtension(inputFileName)}.{recipe}.manifest.json");

    /// <summary>The mixed set over <paramref name="types"/> and/or one set per type.</summary>
    public static IReadOnlyList<AttackSetRequest> Sets(string recipe, RecipeRequest request, bool mixed, bool perType)
    {
        var mixedRecipe = RecipeCatalog.Create(recipe, request);
        var sets = new List<AttackSetRequest>();
        if (mixed) sets.Add(new AttackSetRequest(MixedSetName, mixedRecipe));
        if (perType)
            foreach (var type in mixedRecipe.Types)
                sets.Add(new AttackSetRequest(type.ToName(), RecipeCatalog.Create(recipe, request with { Types = [type] })));
        return sets;
    }
}
