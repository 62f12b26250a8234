namespace CharBert.Training.Evaluation;

/// <summary>The predictions file of each test file: predictions_&lt;name&gt;.csv with the file's name without extension,
/// and where test files share it, as many of their folders as tell them apart (a/test.txt and b/test.txt give
/// predictions_a_test.csv and predictions_b_test.csv), so no file overwrites another's predictions.</summary>
public static class PredictionFileNames
{
    public static IReadOnlyList<string> For(IReadOnlyList<string> testFiles)
    {
        var full = testFiles.Select(f => Path.GetFullPath(f)).ToArray();
        var twice = full.Select((path, i) => (path, i)).GroupBy(p => p.path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"test file {testFiles[twice.First().i]} is given twice");
        var folders = full.Select(path => Path.GetDirectoryName(path)!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var depth = new int[full.Length];
        string Name(int i)
        {
            var used = folders[i].Length < depth[i] ? folders[i] : folders[i][^depth[i]..];
            // all folders used and still ambiguous: the names differ in their extension
            var file = folders[i].Length < depth[i] ? Path.GetFileName(full[i]).Replace('.', '_') : Path.GetFileNameWithoutExtension(full[i]);
            return string.Join('_', used.Append(file));
        }
        while (true)
        {
            var clashes = Enumerable.Range(0, full.Length).GroupBy(Name, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g).ToArray();
            if (clashes.Length == 0) return Enumerable.Range(0, full.Length).Select(i => $"predictions_{Name(i)}.csv").ToArray();
            foreach (var i in clashes) depth[i]++;
        }
    }
}
