using System.Security.Cryptography;

namespace CharBert.Text.Corpora;

/// <summary>npm's Subresource-Integrity string ("sha512-" + base64 of the SHA-512 of the .tgz bytes).</summary>
public static class TarballIntegrity
{
    public static string Compute(string tarballPath)
    {
        using var stream = File.OpenRead(tarballPath);
        return "sha512-" + Convert.ToBase64String(SHA512.HashData(stream));
    }

    /// <summary>Throws <see cref="InvalidDataException"/> when the file's hash is not <paramref name="expected"/>.</summary>
    public static void Verify(string tarballPath, string expected)
    {
        var actual = Compute(tarballPath);
        if (actual != expected)
            throw new InvalidDataException(
                $"{tarballPath}: integrity check failed (expected {expected}, file hashes to {actual}); " +
                "the tarball is corrupt, truncated or not the pinned version. Delete it and fetch again.");
    }
}
