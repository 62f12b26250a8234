using System.Text;

namespace CharBert.Text.Tokenization;

/// <summary>Whether this .NET runtime can decompose Unicode text (NFD), which uncased tokenisation needs to strip
/// accents. In globalization-invariant mode (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1, common in slim containers, or a
/// machine without ICU) <see cref="string.Normalize(NormalizationForm)"/> returns its input unchanged, so "å" would
/// keep its ring and become [UNK]. The runtime ships no decomposition data of its own to fall back on.</summary>
public static class UnicodeDecomposition
{
    public static bool Available { get; } = "\u00e5".Normalize(NormalizationForm.FormD).Length == 2;

    public static void Require()
    {
        if (!Available)
            throw new PlatformNotSupportedException(
                "uncased tokenisation (lower case) strips accents through Unicode decomposition, which this .NET runtime cannot do: " +
                "it runs in globalization-invariant mode (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1, or no ICU library installed); " +
                "install ICU (e.g. the libicu package) and unset the variable, or use a cased vocabulary and model");
    }
}
