using System.Net;
using System.Net.Http.Headers;

namespace CharBert.Hub.Http;

/// <summary>Downloads one file into <c>blobs/{etag}.incomplete</c>, resuming with <c>Range</c> from what is
/// already there (after a dropped connection in this run, or left by an earlier run), checks its size and
/// hash, and only then renames it to <c>blobs/{etag}</c>. A content mismatch deletes the partial file, so
/// nothing unverified ever sits under a blob or snapshot name.</summary>
sealed class BlobDownloader(HubHttp http, HubSettings settings, Action<string>? log)
{
    const int BufferBytes = 1 << 16;

    public async Task DownloadAsync(RemoteFile file, HubRequestContext context, string incompletePath, string blobPath,
        IProgress<HubFileProgress>? progress, CancellationToken cancel)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(incompletePath)!);
        var discard = false;
        using (var partial = OpenExclusive(incompletePath, file.Name))
        {
            try
            {
                if (partial.Length > file.Size) partial.SetLength(0);
                WarnOnLowDiskSpace(file, partial.Length, incompletePath);
                using var hash = ContentHash.ForEtag(file.Etag, file.Size);
                HashExisting(partial, hash);
                var transfer = new Transfer(file, partial, hash, progress, partial.Length);
                transfer.Report(HubFileStatus.Downloading);
                await FetchUntilCompleteAsync(transfer, context, cancel);
                await partial.FlushAsync(cancel);
                partial.Flush(flushToDisk: true);
                var actual = hash?.FinishHex();
                if (actual != null && actual != file.Etag)
                {
                    discard = true;
                    throw new HubException(HubErrorKind.HashMismatch,
                        $"{file.Name} of {context.Repo}: the downloaded bytes have {hash!.Algorithm} {actual} but the hub announced {file.Etag}; the download was discarded (nothing cached), run the command again");
                }
            }
            catch (HubException e) when (e.Kind == HubErrorKind.SizeMismatch)
            {
                discard = true;
                throw;
            }
            finally
            {
                if (discard)
                {
                    partial.Dispose();
                    File.Delete(incompletePath);
                }
            }
        }
        File.Move(incompletePath, blobPath, overwrite: true);
    }

    async Task FetchUntilCompleteAsync(Transfer transfer, HubRequestContext context, CancellationToken cancel)
    {
        var failuresInARow = 0;
        while (transfer.Partial.Length < transfer.File.Size)
        {
            var before = transfer.Partial.Length;
            try
            {
                await FetchAsync(transfer, context, cancel);
            }
            catch (Exception e) when (IsTransient(e) && !cancel.IsCancellationRequested)
            {
                failuresInARow = transfer.Partial.Length > before ? 1 : failuresInARow + 1;
                if (failuresInARow > settings.ResumeAttempts)
                    throw new HubException(HubErrorKind.Network,
                        $"download of {transfer.File.Name} from {transfer.File.DownloadUrl.GetLeftPart(UriPartial.Authority)} interrupted after {transfer.Partial.Length} of {transfer.File.Size} bytes ({e.Message}); run the command again to resume from there", e);
                log?.Invoke($"{transfer.File.Name}: {e.Message}; resuming from byte {transfer.Partial.Length}");
                await Task.Delay(settings.ResumeDelay, cancel);
            }
        }
    }

    /// <summary>One GET from the current end of the partial file; throws an IOException when the body ends early.</summary>
    async Task FetchAsync(Transfer transfer, HubRequestContext context, CancellationToken cancel)
    {
        var (file, partial) = (transfer.File, transfer.Partial);
        var offset = partial.Length;
        using var response = await http.SendAsync(HttpMethod.Get, file.DownloadUrl, (_, _) => true, settings.DownloadTimeout, request =>
        {
            request.Headers.AcceptEncoding.ParseAdd("identity");
            if (offset > 0) request.Headers.Range = new RangeHeaderValue(offset, null);
        }, cancel);
        var answeredUrl = response.RequestMessage!.RequestUri!;
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            transfer.Restart(); // our partial file does not fit the server's idea of the file: start over
            throw new IOException($"the server refused to resume at byte {offset} (416)");
        }
        if (!response.IsSuccessStatusCode)
            throw HubErrors.FromResponse(response, context.ForFile(file.Name, file.Commit), http.SendsTokenTo(answeredUrl));
        if (offset > 0 && response.StatusCode != HttpStatusCode.PartialContent)
            transfer.Restart(); // the server ignored Range and sends the whole file
        else if (offset > 0 && response.Content.Headers.ContentRange?.From != offset)
            throw new HubException(HubErrorKind.NotAHub, $"{answeredUrl} answered a request for bytes {offset}- with range {response.Content.Headers.ContentRange}");

        await using var body = await response.Content.ReadAsStreamAsync(cancel);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var buffer = new byte[BufferBytes];
        while (true)
        {
            timer.CancelAfter(settings.DownloadTimeout);
            int read;
            try { read = await body.ReadAsync(buffer, timer.Token); }
            catch (OperationCanceledException e) when (!cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"no data for {settings.DownloadTimeout.TotalSeconds:0.#} s (HF_HUB_DOWNLOAD_TIMEOUT)", e);
            }
            if (read == 0) break;
            if (partial.Length + read > file.Size)
                throw new HubException(HubErrorKind.SizeMismatch,
                    $"{file.Name} of {context.Repo}: the server sent more than the announced {file.Size} bytes; the download was discarded (nothing cached)");
            await partial.WriteAsync(buffer.AsMemory(0, read), cancel);
            transfer.Hash?.Append(buffer.AsSpan(0, read));
            transfer.Report(HubFileStatus.Downloading);
        }
        if (partial.Length < file.Size)
            throw new IOException($"connection closed after {partial.Length} of {file.Size} bytes");
    }

    static bool IsTransient(Exception e) =>
        e is IOException or HttpRequestException or TimeoutException || e is HubException { IsUnreachable: true };

    static FileStream OpenExclusive(string path, string file)
    {
        try
        {
            // FileShare.None locks the partial file: a second process downloading the same blob waits its turn.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, BufferBytes);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new HubException(HubErrorKind.CacheBusy, $"{file}: another process is downloading it into {path}; wait for it to finish", e);
        }
    }

    static void HashExisting(FileStream partial, ContentHash? hash)
    {
        if (hash != null && partial.Length > 0)
        {
            partial.Position = 0;
            var buffer = new byte[BufferBytes];
            int read;
            while ((read = partial.Read(buffer)) > 0) hash.Append(buffer.AsSpan(0, read));
        }
        partial.Position = partial.Length;
    }

    void WarnOnLowDiskSpace(RemoteFile file, long alreadyThere, string path)
    {
        try
        {
            var free = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(path))!).AvailableFreeSpace;
            var needed = file.Size - alreadyThere;
            if (free < needed)
                log?.Invoke($"{file.Name}: needs {needed / 1e6:F1} MB but only {free / 1e6:F1} MB are free on {Path.GetDirectoryName(path)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // free space unknown: download anyway
        }
    }

    /// <summary>The state of one file's download across resumed requests.</summary>
    sealed class Transfer(RemoteFile file, FileStream partial, ContentHash? hash, IProgress<HubFileProgress>? progress, long resumedFrom)
    {
        public RemoteFile File { get; } = file;
        public FileStream Partial { get; } = partial;
        public ContentHash? Hash { get; } = hash;
        long resumedFrom = resumedFrom;

        public void Restart()
        {
            Partial.SetLength(0);
            Partial.Position = 0;
            Hash?.Reset();
            resumedFrom = 0;
            Report(HubFileStatus.Downloading);
        }

        public void Report(HubFileStatus status) =>
            progress?.Report(new HubFileProgress(File.Name, status, Partial.Length, File.Size, resumedFrom));
    }
}
