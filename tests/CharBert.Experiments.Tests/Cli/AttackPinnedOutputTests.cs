using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CharBert.TestSupport;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>`charbert attack` must keep producing the bytes it produced before the streaming rewrite: every output
/// file of a dozen recipe/task/seed cases on committed synthetic inputs is compared with hashes recorded from the
/// earlier code (Cli/PinnedAttack/pinned-outputs.txt), for one and three worker threads and for inputs cut into
/// chunks of a few lines (the streaming reader's boundaries).</summary>
[NonParallelizable]
public class AttackPinnedOutputTests
{
    static string Fixtures => Path.Combine(SharedPaths.RepoRoot, "tests", "CharBert.Experiments.Tests", "Cli", "PinnedAttack");

    /// <summary>Case name, then the arguments after `attack` (input names are resolved in <see cref="Fixtures"/>).</summary>
    static readonly (string Name, string[] Args)[] Cases =
    [
        ("ner-charbert2020-both", ["--task", "ner", "--input", "ner.txt", "--recipe", "charbert2020", "--seed", "42", "--sets", "both"]),
        ("ner-pruthi-entities", ["--task", "ner", "--input", "ner.txt", "--recipe", "pruthi2019", "--rate", "0.5", "--seed", "7", "--tokens", "entities"]),
        ("ner-crlf-bom-rate-all-types", ["--task", "ner", "--input", "ner-crlf-bom.txt", "--recipe", "rate", "--rate", "0.3",
            "--types", "drop,add,swap,keyboard,substitute,homoglyph,ocr,case-flip", "--seed", "3", "--tokens", "non-entities"]),
        ("pos-charbert2020", ["--task", "pos", "--input", "pos.txt", "--recipe", "charbert2020", "--seed", "1"]),
        ("qnli-charbert2020-both", ["--task", "glue:qnli", "--input", "qnli.tsv", "--recipe", "charbert2020", "--seed", "42", "--sets", "both"]),
        ("qnli-pruthi-question", ["--task", "glue:qnli", "--input", "qnli.tsv", "--recipe", "pruthi2019", "--rate", "0.7", "--columns", "question", "--seed", "5"]),
        ("sst2-rate-misspellings", ["--task", "glue:sst-2", "--input", "sst2.tsv", "--recipe", "rate", "--seed", "11",
            "--misspellings", "misspellings.tsv", "--types", "misspelling,swap,drop"]),
        ("cola-charbert2020-per-type", ["--task", "glue:cola", "--input", "cola.tsv", "--recipe", "charbert2020", "--seed", "2020", "--sets", "per-type"]),
        ("squad-charbert2020-questions", ["--task", "squad", "--input", "squad.json", "--recipe", "charbert2020", "--seed", "42"]),
        ("squad-rate-both-protected", ["--task", "squad", "--input", "squad.json", "--recipe", "rate", "--rate", "0.5", "--seed", "9",
            "--squad-target", "both", "--protect-answers"]),
        ("squad-pruthi-contexts", ["--task", "squad", "--input", "squad.json", "--recipe", "pruthi2019", "--seed", "2", "--squad-target", "contexts"]),
    ];

    static readonly string[] InputOptions = ["--input", "--misspellings"];

    static string[] Resolve(string[] args) =>
        args.Select((a, i) => i > 0 && InputOptions.Contains(args[i - 1]) ? Path.Combine(Fixtures, a) : a).ToArray();

    /// <summary>"case file sha256" lines for every file of <paramref name="outDir"/>, sorted by name.</summary>
    static IEnumerable<string> Listing(string caseName, string outDir) =>
        Directory.GetFiles(outDir).Order(StringComparer.Ordinal).Select(path =>
        {
            var bytes = File.ReadAllBytes(path);
            if (path.EndsWith(".manifest.json", StringComparison.Ordinal))
                bytes = Encoding.UTF8.GetBytes(Regex.Replace(Encoding.UTF8.GetString(bytes), "\"tool_version\": \"[^\"]*\"", "\"tool_version\": \"\""));
            return $"{caseName} {Path.GetFileName(path)} {Convert.ToHexStringLower(SHA256.HashData(bytes))}";
        });

    static List<string> RunAll(TempFolder dir, int threads, int? chunkBytes = null)
    {
        var lines = new List<string>();
        foreach (var (name, args) in Cases)
        {
            var outDir = dir.File($"{name}-t{threads}-c{chunkBytes}");
            string[] chunking = chunkBytes is { } bytes ? ["--chunk-bytes", bytes.ToString()] : [];
            var result = CliHarness.Run(["attack", .. Resolve(args), "--threads", threads.ToString(), .. chunking, "--quiet", "--out", outDir]);
            Assert.That(result.Exit, Is.EqualTo(0), $"{name}: {result.Err}");
            lines.AddRange(Listing(name, outDir));
        }
        return lines;
    }

    [Test]
    public void Every_output_file_keeps_its_pinned_bytes_for_one_and_three_threads_and_tiny_chunks()
    {
        using var dir = new TempFolder();
        var expected = File.ReadAllLines(Path.Combine(Fixtures, "pinned-outputs.txt")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var oneThread = RunAll(dir, threads: 1);
        TestContext.Out.WriteLine(string.Join("\n", oneThread));
        Assert.That(oneThread, Is.EqualTo(expected), "one thread: an output differs from the pinned bytes (the listing is in the test output)");
        Assert.That(RunAll(dir, threads: 3), Is.EqualTo(expected), "three threads");
        Assert.That(RunAll(dir, threads: 2, chunkBytes: 61), Is.EqualTo(expected), "two threads, input cut into chunks of about 61 bytes");
    }
}
