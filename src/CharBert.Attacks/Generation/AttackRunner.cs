using System.Runtime.CompilerServices;
using System.Diagnostics;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Output;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO;
using CharBert.Text.IO.Chunks;

namespace CharBert.Attacks.Generation;

/// <summary>Generates attack sets for a file in one streaming pass and writes, into <c>OutDir</c>, per set
/// <c>{stem}.{recipe}.{set}{ext}</c>, <c>….edits.csv</c> (unless the edit log is off) and <c>….statistics.json</c>,
/// plus one <c>{stem}.{recipe}.manifest.json</c>. The input is read in chunks of whole records, attacked on worker
/// threads and written in order (<see cref="OrderedPipeline"/>), so memory does not grow with the input and the
/// bytes do not depend on the thread count. Everything is staged beside <c>OutDir</c> and moved into place at the
/// end (<see cref="StagedFolder"/>): an interrupted run leaves no partial output.</summary>
public static class AttackRunner
{
    /// <summary>The set over all requested edit types (the others are named after their single type).</summary>
    public const string MixedSetName = "mixed";

    const string ManifestSuffix = ".manifest.json";
    const string AdversarialSummarySuffix = ".adversarial.summary.json";

    public static AttackManifest Run(AttackJob job, CancellationToken cancellation = default)
    {
        if (job.Sets.Count == 0) throw new ArgumentException("no attack set requested");
        var clock = Stopwatch.StartNew();
        var fileName = Path.GetFileName(job.InputPath);
        var recipeName = job.Sets[0].Recipe.Name;
        using var input = new HashingReadStream(InputFile.OpenRead(job.InputPath));
        var totalBytes = input.Length;
        using var staged = StagedFolder.Begin(job.OutDir, job.Overwrite, IsRunMarker, RunFilePrefixes, job.Notice);
        using var reader = job.Format.Open(input, job.InputPath, job.ChunkBytes);
        var sets = job.Sets.Select(set => new SetOutput(SetPath(staged.Path, fileName, recipeName, set.Name), set,
            new AttackSetGenerator(set.Recipe, job.Seed, job.Format.WordKind), job.EditLog)).ToArray();
        try
        {
            foreach (var set in sets) set.Begin(reader.Preamble.Span);
            long records = 0, words = 0;
            OrderedPipeline.Run(
                read: () => reader.Read() is { } chunk ? new ReadChunk(chunk, reader.BytesRead) : null,
                process: chunk => Attack(chunk, sets, job.EditLog),
                write: attacked =>
                {
                    for (var s = 0; s < sets.Length; s++) sets[s].Write(attacked.Parts[s]);
                    records += attacked.Records;
                    words += attacked.Words;
                    job.Progress?.Report(new AttackProgress(attacked.BytesRead, totalBytes, records, words, clock.Elapsed));
                },
                // Slack for uneven chunks: a worker reads on while an earlier, slower chunk is still being attacked.
                workers: Math.Max(1, job.Threads), maxInFlight: 4 * Math.Max(1, job.Threads) + 2, cancellation);

            var entries = sets.Select(set => set.Finish()).ToArray();
            var first = job.Sets[0].Recipe;
            var manifest = new AttackManifest("charbert attack", AttackManifest.CurrentToolVersion(), job.Task.ToString(), input.Fingerprint(fileName),
                first.Name, first.Reproduces, job.Seed, first.Parameters,
                new SortedDictionary<string, string>(job.Options.ToDictionary(), StringComparer.Ordinal), entries);
            AttackManifest.WriteJson(ManifestPath(staged.Path, fileName, recipeName), manifest);
            staged.Commit();
            return manifest;
        }
        finally
        {
            foreach (var set in sets) set.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static AttackedChunk Attack(ReadChunk chunk, SetOutput[] sets, EditLogFormat editLog)
    {
        var records = chunk.Chunk.Records;
        var parts = new AttackedChunk.Part[sets.Length];
        var attacked = new AttackedChunk(parts, records.Count, records.WordCount, chunk.BytesRead);
        using var edits = new ChunkEdits();
        try
        {
            for (var s = 0; s < sets.Length; s++)
            {
                var counters = new AttackCounters();
                edits.Clear();
                for (var i = 0; i < records.Count; i++) sets[s].Generator.Attack(records, i, edits, counters);
                var output = new PooledByteBuffer(chunk.Chunk.RenderCapacity);
                var rows = editLog == EditLogFormat.Csv ? new PooledByteBuffer(chunk.Chunk.EditLogCapacity) : null;
                parts[s] = new AttackedChunk.Part(output, rows, counters);
                chunk.Chunk.Render(edits, output);
                if (rows != null) EditLog.AppendRows(records, edits, sets[s].Generator.Recipe.Name, rows);
            }
            return attacked;
        }
        catch
        {
            attacked.Dispose();
            throw;
        }
    }

    /// <summary>Where <see cref="Run"/> writes set <paramref name="setName"/> of <paramref name="inputFileName"/>:
    /// <c>{stem}.{recipe}.{set}{ext}</c>.</summary>
    public static string SetPath(string outDir, string inputFileName, string recipe, string setName) =>
        Path.Combine(outDir, $"{Path.GetFileNameWithoutExtension(inputFileName)}.{recipe}.{setName}{Path.GetExtension(inputFileName)}");

    /// <summary>Where <see cref="Run"/> writes the manifest, last: its presence means every set is complete.</summary>
    public static string ManifestPath(string outDir, string inputFileName, string recipe) =>
        Path.Combine(outDir, $"{Path.GetFileNameWithoutExtension(inputFileName)}.{recipe}{ManifestSuffix}");

    /// <summary>The files that mark a complete attack run in a folder: a random attack's manifest or an adversarial
    /// search's summary.</summary>
    public static bool IsRunMarker(string fileName) =>
        fileName.EndsWith(ManifestSuffix, StringComparison.Ordinal) || fileName.EndsWith(AdversarialSummarySuffix, StringComparison.Ordinal);

    /// <summary>The name prefixes of the files of the run a marker belongs to (<c>{stem}.{recipe}.</c> or <c>{stem}.adversarial.</c>).</summary>
    public static IEnumerable<string> RunFilePrefixes(string marker)
    {
        if (marker.EndsWith(AdversarialSummarySuffix, StringComparison.Ordinal)) yield return marker[..^"summary.json".Length];
        else if (marker.EndsWith(ManifestSuffix, StringComparison.Ordinal)) yield return marker[..^"manifest.json".Length];
    }

    /// <summary>The mixed set over <paramref name="types"/> and/or one set per type.</summary>
    public static IReadOnlyList<AttackSetRequest> Sets(string recipe, RecipeRequest request, bool mixed, bool perType)
    {
        var mixedRecipe = RecipeCatalog.Create(recipe, request);
        var sets = new List<AttackSetRequest>();
        if (mixed) sets.Add(new AttackSetRequest(MixedSetName, mixedRecipe));
        if (perType)
            foreach (var type in mixedRecipe.Types)
                sets.Add(new AttackSetRequest(type.ToName(), RecipeCatalog.Create(recipe, request with { Types = [type] })));
        return sets;
    }

    /// <summary>A chunk as read, with the reader's position after it (for progress).</summary>
    sealed class ReadChunk(AttackChunk chunk, long bytesRead) : IDisposable
    {
        public AttackChunk Chunk => chunk;
        public long BytesRead => bytesRead;
        public void Dispose() => chunk.Dispose();
    }

    /// <summary>A chunk attacked with every set: per set the rendered bytes, the edit-log rows and the tallies.</summary>
    sealed class AttackedChunk(AttackedChunk.Part[] parts, int records, long words, long bytesRead) : IDisposable
    {
        public sealed record Part(PooledByteBuffer Output, PooledByteBuffer? EditLog, AttackCounters Counters);

        public Part[] Parts => parts;
        public int Records => records;
        public long Words => words;
        public long BytesRead => bytesRead;

        public void Dispose()
        {
            foreach (var part in parts)
            {
                part?.Output.Dispose();
                part?.EditLog?.Dispose();
            }
        }
    }

    /// <summary>The files of one set while a run writes them, and its running tallies.</summary>
    sealed class SetOutput(string outputPath, AttackSetRequest request, AttackSetGenerator generator, EditLogFormat editLog) : IDisposable
    {
        readonly string prefix = outputPath[..^Path.GetExtension(outputPath).Length];
        readonly AttackCounters totals = new();
        HashedFileWriter? output;
        FileStream? log;

        public AttackSetGenerator Generator => generator;
        string LogPath => prefix + ".edits.csv";
        string StatisticsPath => prefix + ".statistics.json";

        public void Begin(ReadOnlySpan<byte> preamble)
        {
            output = new HashedFileWriter(outputPath);
            output.Write(preamble);
            if (editLog != EditLogFormat.Csv) return;
            log = new FileStream(LogPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            log.Write(EditLog.Header.Span);
        }

        public void Write(AttackedChunk.Part part)
        {
            output!.Write(part.Output.WrittenSpan);
            if (part.EditLog is { } rows) log!.Write(rows.WrittenSpan);
            totals.Add(part.Counters);
        }

        public AttackSetEntry Finish()
        {
            var fingerprint = output!.Finish();
            log?.Dispose();
            var statistics = AttackStatistics.From(totals);
            AttackManifest.WriteJson(StatisticsPath, statistics);
            return new AttackSetEntry(request.Name, request.Recipe.Types.Select(t => t.ToName()).ToArray(), fingerprint,
                log == null ? null : Path.GetFileName(LogPath), Path.GetFileName(StatisticsPath), statistics);
        }

        public void Dispose()
        {
            output?.Dispose();
            log?.Dispose();
        }
    }
}
