using System.Text.Json;
using CharBert.TestSupport;
using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;

namespace CharBert.Text.Tests.Featurization;

/// <summary>The original code's featurisation fixture, read from ../shared at test time (never copied into the repo).</summary>
internal static class ReferenceFixture
{
    private const string Folder = "fixtures/charbert-reference/";

    public static JsonElement Load() =>
        JsonDocument.Parse(File.ReadAllText(SharedPaths.RequireFile(Folder + "featurization.json"))).RootElement;

    /// <summary>The fixture's tokenizer: its vocab.txt, cased (do_lower_case=False).</summary>
    public static WordPieceTokenizer CasedTokenizer() =>
        WordPieceTokenizer.FromVocabFile(SharedPaths.RequireFile(Folder + "vocab.txt"), WordPieceTokenizerOptions.Cased);

    public static CharVocabulary CharVocabulary() => CharBert.Text.Vocab.CharVocabulary.Load(SharedPaths.RequireFile(Folder + "bert_char_vocab"));

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
    public static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();
}
