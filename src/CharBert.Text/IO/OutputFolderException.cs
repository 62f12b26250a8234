namespace CharBert.Text.IO;

/// <summary>An output folder (--out, --cache) that cannot be used: a file in the way, no permission, a read-only file
/// system, or an earlier result that would be replaced. The message names the folder and the problem; the CLI prints it
/// alone and exits 2.</summary>
public sealed class OutputFolderException(string message, Exception? inner = null) : IOException(message, inner);
