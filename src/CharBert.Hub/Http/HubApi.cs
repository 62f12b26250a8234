using System.Net;
using System.Text.Json;

namespace CharBert.Hub.Http;

/// <summary>A file as the hub describes it (HEAD on its resolve URL): the content's ETag (blob name and hash),
/// its size, the commit the revision resolved to, and where to GET it (the CDN for an LFS file).</summary>
sealed record RemoteFile(string Name, string Etag, long Size, string Commit, Uri DownloadUrl);

/// <summary>The files of a repository at one commit (the model-info API's <c>siblings</c>) and the licence its
/// model card declares, when it does.</summary>
sealed record RepoListing(string Commit, IReadOnlySet<string> Files, string? License);

/// <summary>The two metadata calls: the model-info API (<c>/api/models/{repo}/revision/{rev}</c>) and a
/// HEAD on <c>/{repo}/resolve/{rev}/{file}</c>, read the way huggingface_hub reads them.</summary>
sealed class HubApi(HubHttp http, HubSettings settings)
{
    public static Uri ResolveUrl(string endpoint, RepoId repo, string revision, string file) =>
        new($"{endpoint}/{repo}/resolve/{Uri.EscapeDataString(revision)}/{string.Join('/', file.Split('/').Select(Uri.EscapeDataString))}");

    public static Uri ModelInfoUrl(string endpoint, RepoId repo, string revision) =>
        new($"{endpoint}/api/models/{repo}/revision/{Uri.EscapeDataString(revision)}");

    /// <summary>The repository's files at <paramref name="context"/>'s revision, or null when the endpoint has
    /// no usable model-info API (a mirror serving only resolve URLs): the caller then probes known names.</summary>
    public async Task<RepoListing?> ListAsync(HubRequestContext context, CancellationToken cancel)
    {
        var url = ModelInfoUrl(context.Endpoint, context.Repo, context.Revision);
        using var response = await http.SendAsync(HttpMethod.Get, url, HubHttp.SameOrigin, settings.MetadataTimeout, null, cancel);
        if (response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented
            || (response.StatusCode == HttpStatusCode.NotFound && HubHttp.Header(response, "X-Error-Code") == null))
            return null;
        if (!response.IsSuccessStatusCode) throw HubErrors.FromResponse(response, context, http.SendsTokenTo(url));
        string body;
        using (var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            timer.CancelAfter(settings.MetadataTimeout);
            try { body = await response.Content.ReadAsStringAsync(timer.Token); }
            catch (Exception e) when (e is IOException or HttpRequestException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
            {
                throw HubHttp.Unreachable(url, e);
            }
        }
        return ParseListing(body);
    }

    static RepoListing? ParseListing(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("sha", out var sha) || sha.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("siblings", out var siblings) || siblings.ValueKind != JsonValueKind.Array)
                return null;
            var files = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sibling in siblings.EnumerateArray())
                if (sibling.ValueKind == JsonValueKind.Object && sibling.TryGetProperty("rfilename", out var name) && name.ValueKind == JsonValueKind.String)
                    files.Add(name.GetString()!);
            return new RepoListing(sha.GetString()!, files, License(root));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>cardData.license</c>, else a <c>license:</c> tag.</summary>
    static string? License(JsonElement root)
    {
        if (root.TryGetProperty("cardData", out var card) && card.ValueKind == JsonValueKind.Object
            && card.TryGetProperty("license", out var license) && license.ValueKind == JsonValueKind.String)
            return license.GetString();
        if (root.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
            foreach (var tag in tags.EnumerateArray())
                if (tag.ValueKind == JsonValueKind.String && tag.GetString()!.StartsWith("license:", StringComparison.Ordinal))
                    return tag.GetString()!["license:".Length..];
        return null;
    }

    /// <summary>HEAD on the file's resolve URL. Redirects within the endpoint's origin are followed (a renamed
    /// repo); a redirect elsewhere (the CDN) is where the file will be fetched from, and its headers carry the
    /// file's metadata (<c>X-Linked-Etag</c>, <c>X-Linked-Size</c>). Null when the file does not exist and
    /// <paramref name="missingIsNull"/> is set.</summary>
    public async Task<RemoteFile?> HeadAsync(HubRequestContext context, bool missingIsNull, CancellationToken cancel)
    {
        var file = context.File!;
        var url = ResolveUrl(context.Endpoint, context.Repo, context.Revision, file);
        using var response = await http.SendAsync(HttpMethod.Head, url, HubHttp.SameOrigin, settings.MetadataTimeout,
            request => request.Headers.AcceptEncoding.ParseAdd("identity"), cancel);
        var answeredUrl = response.RequestMessage!.RequestUri!;
        var redirected = HubHttp.IsRedirect(response.StatusCode);
        if (!redirected && !response.IsSuccessStatusCode)
        {
            var error = HubErrors.FromResponse(response, context, http.SendsTokenTo(answeredUrl));
            if (missingIsNull && error.Kind == HubErrorKind.EntryNotFound) return null;
            throw error;
        }
        var commit = HubHttp.Header(response, "X-Repo-Commit")
            ?? throw new HubException(HubErrorKind.NotAHub, $"{answeredUrl} sent no X-Repo-Commit header: {context.Endpoint} does not look like a Hugging Face hub or mirror");
        var etag = NormalizeEtag(HubHttp.Header(response, "X-Linked-Etag") ?? HubHttp.Header(response, "ETag"))
            ?? throw new HubException(HubErrorKind.NotAHub, $"{answeredUrl} sent no usable ETag for {file}: its content cannot be checked or cached");
        var sizeText = HubHttp.Header(response, "X-Linked-Size")
            ?? (redirected ? null : response.Content.Headers.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!long.TryParse(sizeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
            throw new HubException(HubErrorKind.NotAHub, $"{answeredUrl} sent no file size (X-Linked-Size / Content-Length) for {file}");
        var downloadUrl = redirected ? new Uri(answeredUrl, response.Headers.Location!) : answeredUrl;
        return new RemoteFile(file, etag, size, commit, downloadUrl);
    }

    /// <summary>huggingface_hub's ETag normalisation (drop a weak <c>W/</c> prefix and the quotes); null when
    /// missing or not usable as a file name.</summary>
    public static string? NormalizeEtag(string? etag)
    {
        if (etag == null) return null;
        var value = etag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        var usable = value.Length is > 0 and <= 200 && value != "." && value != ".."
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+' or '=');
        return usable ? value : null;
    }
}
