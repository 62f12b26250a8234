namespace CharBert.Training.Evaluation;

/// <summary>The predictions file of each test file: predictions_&lt;name&gt;.csv with the file's name without extension,
/// and where test files share it, as many of their folders as tell them apart (a/test.txt and b/test.txt give
/// predictions_a_test.csv and predictions_b_test.csv), so no file overwrites another's predictions. Files that differ
/// only in their extension keep it (test_txt, test_tsv).</summary>
public static class PredictionFileNames
{
    public static IReadOnlyList<string> For(IReadOnlyList<string> testFiles)
    {
        var full = testFiles.Select(f => Path.GetFullPath(f)).ToArray();
        var twice = full.Select((path, i) => (path, i)).GroupBy(p => p.path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"test file {testFiles[twice.First().i]} is given twice");
        var folders = full.Select(path => Path.GetDirectoryName(path)!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var stems = full.Select(path => Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path))).ToArray();
        var names = full.Select((path, i) => stems.Count(s => s == stems[i]) > 1 ? Path.GetFileName(path).Replace('.', '_') : Path.GetFileNameWithoutExtension(path)).ToArray();
        var depth = new int[full.Length];
        string Name(int i) => string.Join('_', folders[i][^Math.Min(depth[i], folders[i].Length)..].Append(names[i]))
                              + (depth[i] > folders[i].Length ? $"_{i + 1}" : ""); // folders that join alike (a_b/x, a/b/x)
        while (true)
        {
            var clashes = Enumerable.Range(0, full.Length).GroupBy(Name, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g).ToArray();
            if (clashes.Length == 0) return Enumerable.Range(0, full.Length).Select(i => $"predictions_{Name(i)}.csv").ToArray();
            foreach (var i in clashes) depth[i]++;
        }
    }
}
