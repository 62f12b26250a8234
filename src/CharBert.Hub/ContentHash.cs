using System.Security.Cryptography;
using System.Text;

namespace CharBert.Hub;

/// <summary>Checks downloaded bytes against the hub's ETag, which names the content: a 64-hex ETag is the
/// SHA-256 of an LFS file, a 40-hex one the git blob id of a regular file (SHA-1 of <c>"blob {size}\0"</c> +
/// content). Fed incrementally, so a resumed download hashes its partial file once and then only new bytes.</summary>
public sealed class ContentHash : IDisposable
{
    readonly IncrementalHash hash;
    readonly byte[]? gitHeader;

    ContentHash(string algorithm, IncrementalHash hash, byte[]? gitHeader)
    {
        Algorithm = algorithm;
        this.hash = hash;
        this.gitHeader = gitHeader;
        Reset();
    }

    /// <summary>"sha256" or "git-sha1".</summary>
    public string Algorithm { get; }

    /// <summary>The check an ETag implies, or null when it is neither form (e.g. a mirror's own ETag): then
    /// only the size is checked.</summary>
    public static ContentHash? ForEtag(string etag, long size)
    {
        if (IsLowerHex(etag, 64)) return new ContentHash("sha256", IncrementalHash.CreateHash(HashAlgorithmName.SHA256), null);
        if (IsLowerHex(etag, 40))
            return new ContentHash("git-sha1", IncrementalHash.CreateHash(HashAlgorithmName.SHA1), Encoding.ASCII.GetBytes($"blob {size}\0"));
        return null;
    }

    public void Append(ReadOnlySpan<byte> data) => hash.AppendData(data);

    /// <summary>Starts over (the server ignored a Range request and sends the whole file again).</summary>
    public void Reset()
    {
        hash.GetHashAndReset();
        if (gitHeader != null) hash.AppendData(gitHeader);
    }

    public string FinishHex() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public void Dispose() => hash.Dispose();

    /// <summary>A 40-character lowercase hex string: the form of a commit hash as well as a git blob id.</summary>
    public static bool IsCommitHash(string text) => IsLowerHex(text, 40);

    static bool IsLowerHex(string text, int length) =>
        text.Length == length && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
