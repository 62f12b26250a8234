namespace CharBert.Hub;

/// <summary>Where and how the hub client talks to the hub, read from the same environment variables as
/// huggingface_hub so that a user's existing setup (mirror, token, cache, offline switch) applies unchanged.
/// Command-line options override with <c>with { ... }</c>.</summary>
public sealed record HubSettings
{
    public const string DefaultEndpoint = "https://huggingface.co";
    static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Base URL of the hub or a mirror, without a trailing slash (<c>HF_ENDPOINT</c>).</summary>
    public string Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>Sent as <c>Authorization: Bearer</c> to the endpoint's host only (<c>HF_TOKEN</c>, then the
    /// legacy <c>HUGGING_FACE_HUB_TOKEN</c>, then the token file that <c>hf auth login</c> writes).</summary>
    public string? Token { get; init; }

    /// <summary>The hub cache root, holding <c>models--org--name/</c> folders.</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>Use only what is cached; make no request (<c>HF_HUB_OFFLINE=1</c>).</summary>
    public bool Offline { get; init; }

    /// <summary>Copy blobs into snapshots instead of linking them (<c>HF_HUB_DISABLE_SYMLINKS=1</c>).</summary>
    public bool DisableSymlinks { get; init; }

    /// <summary>Longest wait for the answer to a metadata request (<c>HF_HUB_ETAG_TIMEOUT</c>, 10 s).</summary>
    public TimeSpan MetadataTimeout { get; init; } = DefaultTimeout;

    /// <summary>Longest wait for the next bytes of a download (<c>HF_HUB_DOWNLOAD_TIMEOUT</c>, 10 s).</summary>
    public TimeSpan DownloadTimeout { get; init; } = DefaultTimeout;

    /// <summary>How many times in a row a download interrupted without any new bytes is resumed before the run
    /// gives up (the partial file stays, so the next run resumes it). Progress resets the count.</summary>
    public int ResumeAttempts { get; init; } = 5;

    /// <summary>Pause before resuming an interrupted download.</summary>
    public TimeSpan ResumeDelay { get; init; } = TimeSpan.FromSeconds(1);

    public static HubSettings FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>The settings huggingface_hub would use under these variables (<paramref name="variable"/>
    /// returns null for an unset one).</summary>
    public static HubSettings FromEnvironment(Func<string, string?> variable)
    {
        string? Get(string name) => string.IsNullOrWhiteSpace(variable(name)) ? null : variable(name)!.Trim();

        var home = ExpandHome(Get("HF_HOME") ?? Path.Combine(Get("XDG_CACHE_HOME") ?? UserCacheFolder(), "huggingface"));
        var cache = ExpandHome(Get("HF_HUB_CACHE") ?? Get("HUGGINGFACE_HUB_CACHE") ?? Path.Combine(home, "hub"));
        var tokenFile = ExpandHome(Get("HF_TOKEN_PATH") ?? Path.Combine(home, "token"));
        return new HubSettings
        {
            Endpoint = NormalizeEndpoint(Get("HF_ENDPOINT") ?? DefaultEndpoint, "HF_ENDPOINT"),
            Token = CleanToken(Get("HF_TOKEN") ?? Get("HUGGING_FACE_HUB_TOKEN") ?? ReadTokenFile(tokenFile)),
            CacheDirectory = Path.GetFullPath(cache),
            Offline = IsTrue(Get("HF_HUB_OFFLINE") ?? Get("TRANSFORMERS_OFFLINE")),
            DisableSymlinks = IsTrue(Get("HF_HUB_DISABLE_SYMLINKS")),
            MetadataTimeout = Seconds(Get("HF_HUB_ETAG_TIMEOUT"), "HF_HUB_ETAG_TIMEOUT") ?? DefaultTimeout,
            DownloadTimeout = Seconds(Get("HF_HUB_DOWNLOAD_TIMEOUT"), "HF_HUB_DOWNLOAD_TIMEOUT") ?? DefaultTimeout,
        };
    }

    /// <summary>An absolute http(s) URL without its trailing slash; <paramref name="source"/> names where it
    /// came from in the error.</summary>
    public static string NormalizeEndpoint(string endpoint, string source)
    {
        var trimmed = endpoint.Trim().TrimEnd('/');
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new HubException(HubErrorKind.InvalidArgument, $"{source} '{endpoint}' is not an http(s) URL");
        return trimmed;
    }

    /// <summary>huggingface_hub's truth test for switches: 1, ON, YES or TRUE in any case.</summary>
    public static bool IsTrue(string? value) =>
        value != null && value.Trim().ToUpperInvariant() is "1" or "ON" or "YES" or "TRUE";

    public static string? CleanToken(string? token)
    {
        var cleaned = token?.Replace("\r", "").Replace("\n", "").Trim();
        return string.IsNullOrEmpty(cleaned) ? null : cleaned;
    }

    static string? ReadTokenFile(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    static string UserCacheFolder() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");

    static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal)
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..]
            : path;

    static TimeSpan? Seconds(string? value, string name)
    {
        if (value == null) return null;
        if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            throw new HubException(HubErrorKind.InvalidArgument, $"{name}='{value}' is not a positive number of seconds");
        return TimeSpan.FromSeconds(seconds);
    }
}
