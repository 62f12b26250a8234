using CharBert.Experiments.Results;
using CharBert.Text.IO;
using ScottPlot;

namespace CharBert.Experiments.Charts;

/// <summary>Saves one chart as PNG and SVG side by side (atomically) and returns the PNG path.</summary>
public static class ChartFile
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 600;

    public static string Save(Plot plot, string directory, string name, int width = DefaultWidth, int height = DefaultHeight)
    {
        var png = Path.Combine(directory, name + ".png");
        var bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.Write(png, s => s.Write(bytes));
        AtomicFile.WriteAllText(Path.Combine(directory, name + ".svg"), plot.GetSvgXml(width, height));
        return png;
    }

    /// <summary>A file-name-safe slug of a label ("glue:qnli" -> "glue-qnli").</summary>
    public static string Slug(string label) =>
        new string(label.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
}
