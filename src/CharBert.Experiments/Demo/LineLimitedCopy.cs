using CharBert.Text.IO;

namespace CharBert.Experiments.Demo;

/// <summary>Copies the first N units of a text file: lines, or blank-line separated blocks (CoNLL sentences),
/// optionally keeping a header line. Written atomically.</summary>
public static class LineLimitedCopy
{
    public static void Write(string source, string target, int maxUnits, bool blankLineUnits, bool keepHeader)
    {
        AtomicFile.Write(target, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            int units = 0;
            bool first = true, inBlock = false;
            foreach (var line in File.ReadLines(source))
            {
                if (first && keepHeader) { writer.WriteLine(line); first = false; continue; }
                first = false;
                if (blankLineUnits)
                {
                    if (line.Length == 0)
                    {
                        if (inBlock && ++units >= maxUnits) { writer.WriteLine(); break; }
                        inBlock = false;
                    }
                    else inBlock = true;
                }
                else if (++units > maxUnits) break;
                writer.WriteLine(line);
            }
        });
    }
}
