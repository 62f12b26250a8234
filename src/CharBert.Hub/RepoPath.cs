namespace CharBert.Hub;

/// <summary>File names and revisions come from the command line and from the hub (an index file names its
/// shards): before one becomes a local path it must stay inside its folder.</summary>
public static class RepoPath
{
    /// <summary>The '/'-separated segments of <paramref name="path"/>; refuses empty, '.', '..' and
    /// backslash-containing segments and absolute paths.</summary>
    public static string[] Segments(string path)
    {
        var segments = path.Split('/');
        if (path.Length == 0 || segments.Any(s => s.Length == 0 || s == "." || s == ".." || s.Contains('\\') || s.Contains(':')))
            throw new HubException(HubErrorKind.InvalidArgument, $"'{path}' is not a usable repository path (empty, absolute, or with '.', '..', '\\' or ':' parts)");
        return segments;
    }
}
