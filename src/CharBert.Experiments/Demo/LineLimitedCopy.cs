using CharBert.Text.IO;

namespace CharBert.Experiments.Demo;

/// <summary>Copies an evenly spaced sample of N units of a text file, in file order: lines, or blank-line separated
/// blocks (CoNLL sentences), optionally keeping a header line. Even spacing matters because the corpora are
/// stored grouped (Brown by genre, SpamAssassin ham before spam): the first N units would not be representative.
/// Deterministic; written atomically.</summary>
public static class LineLimitedCopy
{
    public static void Write(string source, string target, int maxUnits, bool blankLineUnits, bool keepHeader)
    {
        var lines = File.ReadAllLines(source);
        var header = keepHeader && lines.Length > 0 ? lines[0] : null;
        var units = Units(keepHeader ? lines.Skip(1) : lines, blankLineUnits);
        var step = Math.Max(1.0, (double)units.Count / maxUnits);
        AtomicFile.Write(target, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            if (header != null) writer.WriteLine(header);
            for (double i = 0; (int)i < units.Count; i += step)
            {
                foreach (var line in units[(int)i]) writer.WriteLine(line);
                if (blankLineUnits) writer.WriteLine();
            }
        });
    }

    static List<List<string>> Units(IEnumerable<string> lines, bool blankLineUnits)
    {
        var units = new List<List<string>>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (!blankLineUnits) { units.Add([line]); continue; }
            if (line.Length == 0)
            {
                if (current.Count > 0) units.Add(current);
                current = [];
            }
            else current.Add(line);
        }
        if (current.Count > 0) units.Add(current);
        return units;
    }
}
