namespace CharBert.Text.Corpora;

/// <summary>The corpus could not be obtained (npm missing, registry unreachable, timeout, too little disk).
/// The message is complete for the user and says how to supply the tarball another way.</summary>
public sealed class CorpusUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
