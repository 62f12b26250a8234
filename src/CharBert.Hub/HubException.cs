namespace CharBert.Hub;

/// <summary>What went wrong, for callers that react differently (fall back to the cache on
/// <see cref="Network"/> and <see cref="Server"/>, tell the user to pass a token on <see cref="Unauthorized"/>...).</summary>
public enum HubErrorKind
{
    InvalidArgument,
    Unauthorized,
    Gated,
    Forbidden,
    RepoNotFound,
    RevisionNotFound,
    EntryNotFound,
    NoWeights,
    Network,
    Server,
    NotAHub,
    HashMismatch,
    SizeMismatch,
    NotInCache,
    CacheBusy,
}

/// <summary>A hub failure whose message is one complete line for the user (what, which repo/revision/file,
/// and what to do), so the command line prints it without a stack trace.</summary>
public sealed class HubException(HubErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public HubErrorKind Kind { get; } = kind;

    /// <summary>Failures where the hub could not be asked (no connection, timeout, 5xx): the cache may still serve.</summary>
    public bool IsUnreachable => Kind is HubErrorKind.Network or HubErrorKind.Server;
}
