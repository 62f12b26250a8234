using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CharBert.Hub.Tests.Support;

/// <summary>A file of a test repository. LFS files are served the way the hub serves them: the resolve URL
/// answers 302 to the CDN with X-Linked-Etag (sha256) and X-Linked-Size; regular files answer 200 with
/// ETag = git blob id. The hashes are computed here with the plain definitions.</summary>
sealed record ServedFile(byte[] Bytes, bool Lfs)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Bytes));
    public string GitBlobId => Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {Bytes.Length}\0"), .. Bytes]));
    public string Etag => Lfs ? Sha256 : GitBlobId;
}

/// <summary>A model repository on the loopback hub: branches/tags pointing at commits, files per commit.</summary>
sealed class ServedRepo(string id)
{
    public string Id { get; } = id;
    public Dictionary<string, string> Refs { get; } = new();
    public Dictionary<string, Dictionary<string, ServedFile>> Commits { get; } = new();
    /// <summary>Gated: every request needs <c>Authorization: Bearer {Token}</c>.</summary>
    public string? Token { get; init; }

    public string? Resolve(string revision) =>
        Commits.ContainsKey(revision) ? revision : Refs.GetValueOrDefault(revision);
}

/// <summary>One request as the server saw it.</summary>
sealed record SeenRequest(bool ToCdn, string Method, string Path, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}

/// <summary>A real HTTP/1.1 server on two loopback ports with the hub's URL layout and headers: the hub
/// (<c>/api/models/{repo}/revision/{rev}</c>, <c>HEAD|GET /{repo}/resolve/{rev}/{file}</c>) and a "CDN"
/// origin (<c>/cdn/{sha256}</c>, Range supported) that LFS files redirect to. Faults on demand: a CDN body
/// cut after N bytes, wrong bytes, no model-info API. Written on TcpListener so that every header and every
/// dropped connection is exactly what the test asks for.</summary>
sealed partial class LoopbackHub : IDisposable
{
    readonly TcpListener hubListener = new(IPAddress.Loopback, 0);
    readonly TcpListener cdnListener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource stop = new();
    readonly Dictionary<string, ServedRepo> repos = new();
    int cdnGets;

    public LoopbackHub()
    {
        hubListener.Start();
        cdnListener.Start();
        _ = AcceptLoop(hubListener, toCdn: false);
        _ = AcceptLoop(cdnListener, toCdn: true);
    }

    public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)hubListener.LocalEndpoint).Port}";
    public int CdnPort => ((IPEndPoint)cdnListener.LocalEndpoint).Port;
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>False: the model-info API answers 404 without X-Error-Code, like a mirror that lacks it.</summary>
    public bool ApiEnabled { get; set; } = true;

    /// <summary>The CDN cuts the body of its first <see cref="DropCount"/> GETs after this many bytes (of the body sent).</summary>
    public long? DropAfterBytes { get; set; }
    public int DropCount { get; set; } = 1;

    /// <summary>The CDN flips one byte of every file it serves (same size, wrong hash).</summary>
    public bool CorruptCdn { get; set; }

    public void Add(ServedRepo repo) => repos[repo.Id] = repo;

    public void ClearLog() => Requests.Clear();

    async Task AcceptLoop(TcpListener listener, bool toCdn)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try { await Serve(client, toCdn); }
                    catch (IOException) { } // the client went away
                    catch (SocketException) { }
                }
            });
        }
    }

    async Task Serve(TcpClient client, bool toCdn)
    {
        var stream = client.GetStream();
        var head = await ReadHead(stream);
        if (head == null) return;
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        var headers = lines.Skip(1).Where(l => l.Contains(':'))
            .ToDictionary(l => l[..l.IndexOf(':')].Trim().ToLowerInvariant(), l => l[(l.IndexOf(':') + 1)..].Trim());
        var request = new SeenRequest(toCdn, parts[0], parts[1], headers);
        Requests.Enqueue(request);
        if (toCdn) await ServeCdn(client, stream, request);
        else await ServeHub(stream, request);
    }

    async Task ServeHub(NetworkStream stream, SeenRequest request)
    {
        var api = ApiPath().Match(request.Path);
        var resolve = ResolvePath().Match(request.Path);
        if (!api.Success && !resolve.Success) { await Respond(stream, request, 404, [], null); return; }
        if (api.Success && !ApiEnabled) { await Respond(stream, request, 404, [], Encoding.UTF8.GetBytes("Not Found")); return; }
        var match = api.Success ? api : resolve;
        var repoId = match.Groups["repo"].Value;
        var revision = Uri.UnescapeDataString(match.Groups["rev"].Value);
        var authorized = request.Header("Authorization");

        if (!repos.TryGetValue(repoId, out var repo))
        {
            await Error(stream, request, authorized == null ? 401 : 404, "RepoNotFound", "Repository not found", null);
            return;
        }
        if (repo.Token != null && authorized != $"Bearer {repo.Token}")
        {
            await Error(stream, request, 401, "GatedRepo", $"Access to model {repo.Id} is restricted. You must have access to it and be authenticated to access it. Please log in.", null);
            return;
        }
        var commit = repo.Resolve(revision);
        if (commit == null) { await Error(stream, request, 404, "RevisionNotFound", "Invalid rev id: " + revision, null); return; }
        var files = repo.Commits[commit];

        if (api.Success)
        {
            var json = JsonSerializer.Serialize(new { id = repo.Id, sha = commit, siblings = files.Keys.Select(f => new { rfilename = f }) });
            await Respond(stream, request, 200, [("Content-Type", "application/json")], Encoding.UTF8.GetBytes(json));
            return;
        }
        var name = string.Join('/', resolve.Groups["file"].Value.Split('/').Select(Uri.UnescapeDataString));
        if (!files.TryGetValue(name, out var file))
        {
            await Error(stream, request, 404, "EntryNotFound", $"{name} does not exist on \"{revision}\"", commit);
            return;
        }
        if (file.Lfs)
        {
            await Respond(stream, request, 302, [
                ("Location", $"http://127.0.0.1:{CdnPort}/cdn/{file.Sha256}?signature=abc"),
                ("ETag", "\"0123456789abcdef0123456789abcdef01234567\""), // the LFS pointer's own id: must be ignored
                ("X-Linked-Etag", $"\"{file.Sha256}\""),
                ("X-Linked-Size", file.Bytes.Length.ToString()),
                ("X-Repo-Commit", commit)], null);
            return;
        }
        await Respond(stream, request, 200, [("ETag", $"\"{file.GitBlobId}\""), ("X-Repo-Commit", commit)], file.Bytes);
    }

    async Task ServeCdn(TcpClient client, NetworkStream stream, SeenRequest request)
    {
        var sha = CdnPath().Match(request.Path);
        var file = sha.Success ? repos.Values.SelectMany(r => r.Commits.Values).SelectMany(f => f.Values).FirstOrDefault(f => f.Lfs && f.Sha256 == sha.Groups["sha"].Value) : null;
        if (file == null) { await Respond(stream, request, 404, [], null); return; }
        var bytes = (byte[])file.Bytes.Clone();
        if (CorruptCdn) bytes[bytes.Length / 2] ^= 0xFF;
        var start = 0L;
        var range = request.Header("Range");
        if (range != null) start = long.Parse(RangeHeader().Match(range).Groups["start"].Value);
        var body = bytes.AsMemory((int)start);
        List<(string, string)> headers = [("ETag", $"\"{file.Sha256}\""), ("Accept-Ranges", "bytes")];
        if (range != null) headers.Add(("Content-Range", $"bytes {start}-{bytes.Length - 1}/{bytes.Length}"));
        var status = range != null ? 206 : 200;
        if (request.Method == "GET" && DropAfterBytes is { } cut && Interlocked.Increment(ref cdnGets) <= DropCount && cut < body.Length)
        {
            await WriteHead(stream, status, headers, body.Length);
            await stream.WriteAsync(body[..(int)cut]);
            await stream.FlushAsync();
            client.Client.Shutdown(SocketShutdown.Both); // the connection drops mid-file
            client.Client.Close();
            return;
        }
        await Respond(stream, request, status, headers, body.ToArray());
    }

    Task Error(NetworkStream stream, SeenRequest request, int status, string code, string message, string? commit)
    {
        List<(string, string)> headers = [("X-Error-Code", code), ("X-Error-Message", message)];
        if (commit != null) headers.Add(("X-Repo-Commit", commit));
        return Respond(stream, request, status, headers, Encoding.UTF8.GetBytes($"{{\"error\":\"{message}\"}}"));
    }

    static async Task Respond(NetworkStream stream, SeenRequest request, int status, List<(string, string)> headers, byte[]? body)
    {
        await WriteHead(stream, status, headers, body?.Length ?? 0);
        if (body != null && request.Method != "HEAD") await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    static async Task WriteHead(NetworkStream stream, int status, List<(string, string)> headers, long contentLength)
    {
        var text = new StringBuilder($"HTTP/1.1 {status} {(HttpStatusCode)status}\r\n");
        foreach (var (name, value) in headers) text.Append($"{name}: {value}\r\n");
        text.Append($"Content-Length: {contentLength}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()));
    }

    static async Task<string?> ReadHead(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one) == 0) return null;
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
                return Encoding.ASCII.GetString(bytes.ToArray(), 0, bytes.Count - 4);
        }
        return null;
    }

    public void Dispose()
    {
        stop.Cancel();
        hubListener.Stop();
        cdnListener.Stop();
        stop.Dispose();
    }

    [GeneratedRegex(@"^/api/models/(?<repo>[^?]+)/revision/(?<rev>[^/?]+)$")]
    private static partial Regex ApiPath();

    [GeneratedRegex(@"^/(?<repo>[^?]+?)/resolve/(?<rev>[^/?]+)/(?<file>[^?]+)$")]
    private static partial Regex ResolvePath();

    [GeneratedRegex(@"^/cdn/(?<sha>[0-9a-f]{64})(\?.*)?$")]
    private static partial Regex CdnPath();

    [GeneratedRegex(@"^bytes=(?<start>\d+)-$")]
    private static partial Regex RangeHeader();
}
