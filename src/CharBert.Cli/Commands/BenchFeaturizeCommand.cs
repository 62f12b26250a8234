using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CharBert.Text.Featurization;
using CharBert.Text.IO.Conll;
using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;

namespace CharBert.Cli.Commands;

/// <summary>`charbert bench featurize`: NER featurisation throughput (examples/s, one thread) on a CoNLL file
/// with the original CharBERT tokenizer + character featurisation.</summary>
public static class BenchFeaturizeCommand
{
    const string DefaultInput = "shared/data/conll2003/test.txt";
    const string DefaultVocab = "shared/fixtures/charbert-reference/vocab.txt";
    const string DefaultCharVocab = "shared/fixtures/charbert-reference/bert_char_vocab";

    public static Command Create()
    {
        var input = new Option<FileInfo?>("--input") { Description = $"CoNLL file (default: ../{DefaultInput} found above the current or program folder)" };
        var vocab = new Option<FileInfo?>("--vocab") { Description = $"WordPiece vocab.txt (default: ../{DefaultVocab})" };
        var charVocab = new Option<FileInfo?>("--char-vocab") { Description = $"Character vocabulary (default: ../{DefaultCharVocab})" };
        var lowerCase = new Option<bool>("--lower-case") { Description = "Uncased tokenizer (default: cased, as the fixture vocabulary)" };
        var maxSeqLength = new Option<int>("--max-seq-length") { Description = "max_seq_length (chars: 6x)", DefaultValueFactory = _ => 128 };
        var seconds = new Option<double>("--seconds") { Description = "Minimum measured time", DefaultValueFactory = _ => 3.0 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("featurize", "Throughput of NER featurisation (tokenize + char ids) on CoNLL (examples/s)");
        foreach (var o in new Option[] { input, vocab, charVocab, lowerCase, maxSeqLength, seconds, json }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var inputPath = parse.GetValue(input)?.FullName ?? FindShared(DefaultInput, "--input");
            var vocabPath = parse.GetValue(vocab)?.FullName ?? FindShared(DefaultVocab, "--vocab");
            var charVocabPath = parse.GetValue(charVocab)?.FullName ?? FindShared(DefaultCharVocab, "--char-vocab");
            var sentences = ReadSentences(inputPath);
            var labels = sentences.SelectMany(s => s.Labels).Distinct().Order(StringComparer.Ordinal).ToList();
            var tokenizer = WordPieceTokenizer.FromVocabFile(vocabPath, new WordPieceTokenizerOptions { LowerCase = parse.GetValue(lowerCase) });
            var featurizer = new NerFeaturizer(tokenizer, CharVocabulary.Load(charVocabPath), parse.GetValue(maxSeqLength), labels);
            var result = FeaturizationBenchmark.MeasureNer(featurizer, sentences, parse.GetValue(seconds));
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    input = Path.GetFileName(inputPath), vocab = Path.GetFileName(vocabPath), max_seq_length = parse.GetValue(maxSeqLength),
                    result.Examples, result.Repeats, result.Seconds, result.ExamplesPerSecond,
                }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            else
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{inputPath}: {result.Examples:N0} sentences x {result.Repeats} passes in {result.Seconds:F2} s = {result.ExamplesPerSecond:N0} examples/s (max_seq_length {parse.GetValue(maxSeqLength)}, 1 thread)"));
            return 0;
        });
        return command;
    }

    static List<(IReadOnlyList<string> Words, IReadOnlyList<string> Labels)> ReadSentences(string path)
    {
        using var reader = ConllReader.Open(path);
        return reader.ReadSentences().Where(s => s.Tokens.Count > 0).Select(s => (s.Words, s.Labels)).ToList();
    }

    static string FindShared(string relative, string optionName)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate)) return candidate;
            }
        throw new UserFacingException($"no {optionName} given and ../{relative} not found above {Directory.GetCurrentDirectory()}");
    }
}
