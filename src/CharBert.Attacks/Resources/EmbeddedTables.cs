using System.Reflection;

namespace CharBert.Attacks.Resources;

/// <summary>Reads the tables shipped inside this assembly (see Resources/PROVENANCE.md).</summary>
static class EmbeddedTables
{
    public static string ReadText(string fileName)
    {
        var assembly = typeof(EmbeddedTables).Assembly;
        var name = $"CharBert.Attacks.Resources.{fileName}";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
