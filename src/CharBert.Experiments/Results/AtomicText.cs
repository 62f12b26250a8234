using CharBert.Text.IO;

namespace CharBert.Experiments.Results;

/// <summary>Writes a whole text file atomically (temp file + rename, via <see cref="AtomicFile"/>).</summary>
public static class AtomicText
{
    public static void Write(string path, string text) =>
        AtomicFile.Write(path, stream => { using var writer = new StreamWriter(stream); writer.Write(text); });
}
