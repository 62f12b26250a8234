using System.Text.RegularExpressions;

namespace CharBert.Hub;

/// <summary>A model repository on the hub, <c>name</c> or <c>org/name</c>, checked with huggingface_hub's
/// rules (letters, digits, <c>-_.</c>; no <c>--</c> or <c>..</c>; at most 96 characters) so it is safe in a URL
/// and as a cache folder name.</summary>
public sealed partial record RepoId
{
    const int MaxLength = 96;

    public string Value { get; }

    RepoId(string value) => Value = value;

    public static RepoId Parse(string text)
    {
        var value = text.Trim();
        if (value.Length == 0 || value.Length > MaxLength || !Shape().IsMatch(value) || value.Contains("--") || value.Contains(".."))
            throw new HubException(HubErrorKind.InvalidArgument,
                $"'{text}' is not a hub repository id: expected 'name' or 'org/name' (letters, digits, '-', '_', '.'; no '--' or '..'; at most {MaxLength} characters)");
        return new RepoId(value);
    }

    public static bool TryParse(string text, out RepoId? repo)
    {
        try { repo = Parse(text); return true; }
        catch (HubException) { repo = null; return false; }
    }

    /// <summary>The repository's folder in the hub cache: <c>models--org--name</c>.</summary>
    public string CacheFolderName => "models--" + Value.Replace("/", "--");

    public override string ToString() => Value;

    [GeneratedRegex(@"^(\w([\w.\-]*\w)?/)?\w([\w.\-]*\w)?$", RegexOptions.ECMAScript)]
    private static partial Regex Shape();
}
