using System.Text.RegularExpressions;
using CharBert.Text.Corpora;

namespace CharBert.Modeling.Pretrained;

/// <summary>Turns what a user wrote where a model directory is expected (--model, --init-from, an experiment spec's
/// "pretrained") into a directory: an existing directory as it is; a built-in model's name (<see cref="BuiltInModels"/>),
/// imported once into the toolkit cache; a Hugging Face hub id (org/name).</summary>
public static partial class ModelSource
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+$")]
    private static partial Regex HubIdPattern();

    /// <summary><c>$CHARBERT_CACHE/models</c> (else <c>~/.cache/charbert/models</c>; see <see cref="CorpusCache.DefaultRoot"/>).</summary>
    public static string CacheDirectory() => Path.Combine(CorpusCache.DefaultRoot(), "models");

    /// <summary>The model directory <paramref name="source"/> names. A relative directory is looked up under
    /// <paramref name="relativeTo"/> when given (a spec's data root), else the working directory. <paramref name="log"/>
    /// hears about a first-time import (it takes a while).</summary>
    public static string Resolve(string source, string? relativeTo = null, Action<string>? log = null)
    {
        var path = relativeTo is null ? source : Path.Combine(relativeTo, source);
        if (Directory.Exists(path)) return Path.GetFullPath(path);
        if (BuiltInModels.Find(source) is { } builtIn) return builtIn.EnsureImported(CacheDirectory(), log);
        if (HubIdPattern().IsMatch(source)) return FromHub(source, log);
        throw new DirectoryNotFoundException($"no model directory or built-in model named {source} (built-in: {string.Join(", ", BuiltInModels.Names)})");
    }

    /// <summary>A Hugging Face hub id: the place where the hub client (`charbert models get`) plugs in.</summary>
    static string FromHub(string repoId, Action<string>? log) =>
        throw new DirectoryNotFoundException(
            $"no model directory or built-in model named {repoId} (built-in: {string.Join(", ", BuiltInModels.Names)}); hub ids are not supported yet");
}
