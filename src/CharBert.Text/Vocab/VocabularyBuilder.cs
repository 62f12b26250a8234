using CharBert.Text.IO;
using CharBert.Text.Tokenization;

namespace CharBert.Text.Vocab;

/// <summary>Settings of <see cref="VocabularyBuilder"/> (`charbert vocab build`).</summary>
public sealed record VocabularyBuildOptions
{
    /// <summary>Entries of the trained WordPiece vocabulary (specials and alphabet included).</summary>
    public int WordPieceSize { get; init; } = 30522;
    /// <summary>Uncased: lower-case and strip accents before WordPiece (BERT's uncased models). The original CharBERT is cased.</summary>
    public bool LowerCase { get; init; }
    /// <summary>An existing vocab.txt (e.g. a BERT checkpoint's) to use instead of training one.</summary>
    public string? FromWordPiece { get; init; }
    /// <summary>Characters in bert_char_vocab besides the space line and &lt;unk&gt; (the original's file: 999 + 2 lines).</summary>
    public int MaxChars { get; init; } = 999;
    /// <summary>Words in term_vocab besides &lt;unk&gt; (the original: 30,000).</summary>
    public int TermSize { get; init; } = ModelVocabularies.DefaultTermCount;

    public void Validate()
    {
        if (FromWordPiece is null && WordPieceSize < SpecialTokens.All.Count + 1)
            throw new ArgumentException($"--wordpiece-size must be at least {SpecialTokens.All.Count + 1} (the specials and one character), got {WordPieceSize}");
        if (MaxChars < 1) throw new ArgumentException($"--char-size must be positive, got {MaxChars}");
        if (TermSize < 1) throw new ArgumentException($"--term-size must be positive, got {TermSize}");
        if (FromWordPiece is { } from && !File.Exists(from)) throw new FileNotFoundException($"--from {from} not found", from);
    }
}

public enum VocabularyBuildStage { Reading, TrainingWordPiece }

/// <summary>How far <see cref="VocabularyBuilder.Build"/> is: bytes of the corpora read, or WordPiece entries made.</summary>
public readonly record struct VocabularyBuildProgress(VocabularyBuildStage Stage, long Done, long Total);

public sealed record VocabularyBuildResult(
    string Directory, int WordPieceEntries, bool WordPieceTrained, int CharEntries, int TermEntries, bool LowerCase,
    long Lines, long Words, int DistinctWords);

/// <summary>`charbert vocab build`: the three vocabularies a CharBERT model reads, from plain-text corpora, in one pass
/// over the text. vocab.txt is trained (<see cref="WordPieceVocabularyTrainer"/>) or taken from an existing file;
/// bert_char_vocab holds the most frequent characters of the WordPiece tokens the corpus yields (what the char channel
/// sees); term_vocab the most frequent words in the NLM's lookup form. Also writes tokenizer_config.json (the casing).
/// Deterministic: the same corpora and options give the same bytes.</summary>
public static class VocabularyBuilder
{
    const int ProgressEveryLines = 4096;

    /// <summary>Builds into <paramref name="outputDirectory"/>: created whole (temp directory, then rename) when it does
    /// not exist; otherwise each file is replaced atomically. Invalid UTF-8 or a NUL byte fails with the file and line,
    /// before anything is written.</summary>
    public static VocabularyBuildResult Build(IReadOnlyList<string> corpusFiles, string outputDirectory, VocabularyBuildOptions options,
        Action<VocabularyBuildProgress>? progress = null)
    {
        options.Validate();
        if (corpusFiles.Count == 0) throw new ArgumentException("give at least one corpus file (--train)");
        foreach (var file in corpusFiles)
            if (!File.Exists(file)) throw new FileNotFoundException($"corpus file {file} not found", file);

        var counts = new CorpusWordCounts(options.LowerCase);
        var (lines, words) = Read(corpusFiles, counts, progress);
        var trainerOptions = new WordPieceTrainerOptions { VocabSize = options.WordPieceSize, LowerCase = options.LowerCase };
        var wordPiece = options.FromWordPiece is { } from
            ? VocabularyFile.ReadEntries(from).ToList()
            : WordPieceVocabularyTrainer.TrainFromCounts(counts.PreTokenized, trainerOptions,
                size => progress?.Invoke(new VocabularyBuildProgress(VocabularyBuildStage.TrainingWordPiece, size, options.WordPieceSize)));
        var chars = CharVocabulary.FromCounts(CharsOfTokens(counts.PreTokenized, wordPiece, options.LowerCase), options.MaxChars);
        var terms = TermVocabulary.FromCounts(counts.Terms, options.TermSize);

        void Write(string directory)
        {
            VocabularyFile.WriteEntries(Path.Combine(directory, ModelVocabularyFiles.WordPiece), wordPiece);
            chars.Save(Path.Combine(directory, ModelVocabularyFiles.Chars));
            terms.Save(Path.Combine(directory, ModelVocabularyFiles.Terms));
            TokenizerConfigFile.Write(directory, options.LowerCase);
        }
        var output = Path.GetFullPath(outputDirectory);
        if (Directory.Exists(output)) Write(output);
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            AtomicFile.WriteDirectory(output, Write);
        }
        return new VocabularyBuildResult(output, wordPiece.Count, options.FromWordPiece is null, chars.Count, terms.Count, options.LowerCase,
            lines, words, counts.PreTokenized.Count);
    }

    static (long Lines, long Words) Read(IReadOnlyList<string> files, CorpusWordCounts counts, Action<VocabularyBuildProgress>? progress)
    {
        long total = files.Sum(f => new FileInfo(f).Length), before = 0, lines = 0;
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            using var reader = new LineReader(stream, file);
            foreach (var line in reader.ReadLines())
            {
                counts.Add(line.Text);
                if (++lines % ProgressEveryLines == 0) progress?.Invoke(new VocabularyBuildProgress(VocabularyBuildStage.Reading, before + stream.Position, total));
            }
            before += stream.Length;
        }
        progress?.Invoke(new VocabularyBuildProgress(VocabularyBuildStage.Reading, total, total));
        return (lines, counts.PreTokenized.Values.Sum());
    }

    /// <summary>Code-point counts over the WordPiece tokens of every corpus word ("##" stripped; [UNK] contributes none):
    /// exactly the characters the char channel is fed.</summary>
    static Dictionary<int, long> CharsOfTokens(IReadOnlyDictionary<string, long> words, IReadOnlyList<string> wordPiece, bool lowerCase)
    {
        var tokenizer = new WordPieceTokenizer(new WordPieceVocabulary(wordPiece), lowerCase ? WordPieceTokenizerOptions.Uncased : WordPieceTokenizerOptions.Cased);
        var counts = new Dictionary<int, long>();
        foreach (var (word, count) in words)
            foreach (var token in tokenizer.Tokenize(word))
                if (token != SpecialTokens.Unk)
                    CharVocabulary.AddCodePoints(counts, ModelVocabularies.StripContinuation(token), count);
        return counts;
    }
}
