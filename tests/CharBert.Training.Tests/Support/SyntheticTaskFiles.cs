namespace CharBert.Training.Tests.Support;

/// <summary>Small synthetic data files written by the tests (no third-party text): a vocabulary directory,
/// a CoNLL NER file where exactly the capitalised words are entities, and a QNLI-layout TSV whose label
/// depends on whether the keyword "yes" occurs in the sentence.</summary>
public static class SyntheticTaskFiles
{
    public static readonly string[] CommonWords = ["the", "a", "cat", "dog", "runs", "sees", "big", "small", "and", "with", "near", "house", "tree", "blue", "red"];
    public static readonly string[] Names = ["Anna", "Bob", "Carl", "Dora", "Emil", "Fay", "Gus", "Hana"];

    /// <summary>A model config smaller than the tiny preset, so tests that train stay fast on two shared cores.</summary>
    public static string WriteModelConfig(string path)
    {
        (CharBert.Modeling.CharBertConfig.Tiny with
        {
            HiddenSize = 32, NumAttentionHeads = 2, IntermediateSize = 64, NumHiddenLayers = 1, CharEmbeddingSize = 32, TermVocabSize = 64,
        }).Save(path);
        return path;
    }

    public static string WriteVocabulary(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, "vocab.txt"),
            ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "yes", "what", "is", "?", .. CommonWords, .. Names]);
        var chars = new List<string> { " " };
        chars.AddRange("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ?".Select(c => c.ToString()));
        chars.Add("<unk>");
        File.WriteAllLines(Path.Combine(directory, "bert_char_vocab"), chars);
        return directory;
    }

    /// <summary>Plain text for pre-training (one sentence per line) and a term vocabulary of its words.</summary>
    public static string WriteCorpus(string path, int sentences, int seed)
    {
        var random = new Random(seed);
        File.WriteAllLines(path, Enumerable.Range(0, sentences).Select(_ =>
            string.Join(' ', Enumerable.Range(0, random.Next(5, 10)).Select(_ => CommonWords[random.Next(CommonWords.Length)]))));
        return path;
    }

    public static void WriteTermVocabulary(string vocabularyDirectory) =>
        File.WriteAllLines(Path.Combine(vocabularyDirectory, "term_vocab"), ["<unk>", .. CommonWords, .. Names.Select(n => n.ToLowerInvariant())]);

    /// <summary>SQuAD 1.1 JSON: the answer is the one capitalised name in a context of common words.</summary>
    public static string WriteSquad(string path, int questions, int seed)
    {
        var random = new Random(seed);
        return WriteSquadFile(path, Enumerable.Range(0, questions).Select(i =>
        {
            var before = string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => CommonWords[random.Next(CommonWords.Length)]));
            var name = Names[random.Next(Names.Length)];
            var after = string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => CommonWords[random.Next(CommonWords.Length)]));
            return new SquadQuestion($"q{i}", "what is yes ?", $"{before} {name} {after}", name);
        }).ToList());
    }

    public sealed record SquadQuestion(string Id, string Question, string Context, string Answer);

    /// <summary>SQuAD 1.1 JSON, one paragraph per question; each answer is placed at its first occurrence in the context.</summary>
    public static string WriteSquadFile(string path, IReadOnlyList<SquadQuestion> questions)
    {
        var paragraphs = questions.Select(q =>
        {
            var start = q.Context.IndexOf(q.Answer, StringComparison.Ordinal);
            if (start < 0) throw new ArgumentException($"answer '{q.Answer}' is not in context '{q.Context}'");
            return new { context = q.Context, qas = new[] { new { id = q.Id, question = q.Question, answers = new[] { new { text = q.Answer, answer_start = start } } } } };
        }).ToArray();
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(new { version = "1.1", data = new[] { new { title = "synthetic", paragraphs } } }));
        return path;
    }

    public static string WriteNer(string path, int sentences, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        for (var s = 0; s < sentences; s++)
        {
            var length = random.Next(4, 9);
            for (var w = 0; w < length; w++)
            {
                var isName = random.NextDouble() < 0.3;
                var word = isName ? Names[random.Next(Names.Length)] : CommonWords[random.Next(CommonWords.Length)];
                lines.Add($"{word} {(isName ? "B-PER" : "O")}");
            }
            lines.Add("");
        }
        File.WriteAllLines(path, lines);
        return path;
    }

    public static string WriteQnli(string path, int examples, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string> { "index\tquestion\tsentence\tlabel" };
        for (var i = 0; i < examples; i++)
        {
            var words = Enumerable.Range(0, random.Next(4, 8)).Select(_ => CommonWords[random.Next(CommonWords.Length)]).ToList();
            var entailed = i % 2 == 0;
            if (entailed) words.Insert(random.Next(words.Count + 1), "yes");
            lines.Add($"{i}\twhat is {CommonWords[random.Next(CommonWords.Length)]} ?\t{string.Join(' ', words)}\t{(entailed ? "entailment" : "not_entailment")}");
        }
        File.WriteAllLines(path, lines);
        return path;
    }
}
