using System.CommandLine;
using CharBert.Hub;
using CharBert.Modeling.Pretrained;
using CharBert.Text.IO;
using Spectre.Console;

namespace CharBert.Cli.Commands;

/// <summary>`charbert models get REPO-ID`: a model's config, vocabulary and weights from the Hugging Face hub
/// (or a mirror) into the huggingface_hub cache, reusing what is there; prints the snapshot folder and, with
/// --out, writes a toolkit model directory (copies, plus tokenizer_config.json and CharBERT's vocabularies).</summary>
public static class ModelsGetCommand
{
    public static Command Create()
    {
        var repoArgument = new Argument<string>("repo-id") { Description = "Hub model id: name or org/name (e.g. google-bert/bert-base-uncased)" };
        var revisionOption = new Option<string>("--revision") { Description = "Branch, tag or commit hash", DefaultValueFactory = _ => "main" };
        var endpointOption = new Option<string?>("--endpoint") { Description = "Hub or mirror URL (default: $HF_ENDPOINT, else https://huggingface.co)" };
        var tokenOption = new Option<string?>("--token")
        {
            Description = "Access token for gated or private models (default: $HF_TOKEN, else the token file `hf auth login` writes)",
        };
        var cacheOption = new Option<string?>("--cache-dir") { Description = "Hub cache (default: $HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub)" };
        var offlineOption = new Option<bool>("--offline") { Description = "Use only the cache, make no request (also: HF_HUB_OFFLINE=1)" };
        var outOption = new Option<DirectoryInfo?>("--out")
        {
            Description = "Also write a model directory here (must not exist) for --model / --init-from: the files copied, tokenizer_config.json, bert_char_vocab, term_vocab, provenance.json",
        };
        var command = new Command("get", "Download a model (config, vocabulary, weights) from the Hugging Face hub into its cache");
        command.Arguments.Add(repoArgument);
        foreach (var option in new Option[] { revisionOption, endpointOption, tokenOption, cacheOption, offlineOption, outOption })
            command.Options.Add(option);
        command.SetAction(async (parse, cancel) =>
        {
            var outDirectory = parse.GetValue(outOption)?.FullName;
            if (outDirectory != null && (Directory.Exists(outDirectory) || File.Exists(outDirectory)))
                throw new UserFacingException($"--out {outDirectory} already exists; give a new directory");
            var settings = Settings(parse.GetValue(endpointOption), parse.GetValue(tokenOption), parse.GetValue(cacheOption), parse.GetValue(offlineOption));
            var snapshot = await Download(settings, parse.GetValue(repoArgument)!, parse.GetValue(revisionOption)!, cancel);
            PrintSnapshot(snapshot);
            if (outDirectory != null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(outDirectory)!);
                AtomicFile.WriteDirectory(outDirectory, temp => HubModelDirectory.Write(snapshot, temp, linkToCache: false));
                Console.WriteLine($"model directory: {outDirectory} (use it as --model / --init-from)");
            }
            return 0;
        });
        return command;
    }

    /// <summary>The environment's settings (as huggingface_hub reads them) with the command line's overrides.</summary>
    public static HubSettings Settings(string? endpoint, string? token, string? cacheDirectory, bool offline)
    {
        var settings = HubSettings.FromEnvironment();
        return settings with
        {
            Endpoint = endpoint != null ? HubSettings.NormalizeEndpoint(endpoint, "--endpoint") : settings.Endpoint,
            Token = HubSettings.CleanToken(token) ?? settings.Token,
            CacheDirectory = cacheDirectory != null ? Path.GetFullPath(cacheDirectory) : settings.CacheDirectory,
            Offline = offline || settings.Offline,
        };
    }

    static async Task<HubSnapshot> Download(HubSettings settings, string repo, string revision, CancellationToken cancel)
    {
        using var downloader = new HubModelDownloader(settings, message => Console.Error.WriteLine($"note: {message}"));
        if (Console.IsOutputRedirected || settings.Offline) return await downloader.GetAsync(repo, revision, null, cancel);
        HubSnapshot? snapshot = null;
        var rates = new TransferRates();
        await AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn { Base = FileSizeBase.Decimal }, new DownloadRateColumn(rates))
            .StartAsync(async context => snapshot = await downloader.GetAsync(repo, revision, new DownloadProgressView(context, rates), cancel));
        return snapshot!;
    }

    static void PrintSnapshot(HubSnapshot snapshot)
    {
        var source = snapshot.FromCacheOnly ? " (served from the cache)" : "";
        Console.WriteLine($"{snapshot.Repo} at {snapshot.Revision}: commit {snapshot.Commit}{source}");
        var width = snapshot.Files.Max(f => f.Name.Length);
        foreach (var file in snapshot.Files)
            Console.WriteLine($"  {file.Name.PadRight(width)}  {TransferRate.FormatBytes(file.Bytes),10}  {(file.Downloaded ? "downloaded" : "cached")}");
        Console.WriteLine($"snapshot: {snapshot.Folder}");
    }
}
