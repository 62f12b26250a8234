using System.Text;
using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Tests;

/// <summary>Random files in the shapes the formats read, full of what byte-exact streaming must survive: CRLF and LF
/// mixed, a BOM, no final newline, Unicode whitespace (NBSP, ideographic space, line separator), lines of only
/// whitespace, astral characters, tabs. Made-up words only.</summary>
static class MessyFiles
{
    static readonly string[] Words =
        ["alpha", "Beta", "gamma,", "(delta)", "\"eps\"", "don't", "U.S.", "1996", "3.5%", "naïve", "Zürich", "日本語", "𠀀x", "a", "of", "the",
         "THE", "-DOCSTART-", "--", ",", ".", "mississippi", "bookkeeper", "ab", "abc", "Ελλάδα", "x\u00A0y"];

    static readonly string[] Spaces = [" ", " ", " ", "  ", "\u00A0", "\u3000", "\u2028", "\t", " \u2003 "];

    static string Word(ref SplitMix64 rng) => Words[rng.NextInt(Words.Length)];
    static string Ending(ref SplitMix64 rng) => rng.NextInt(4) == 0 ? "\r\n" : "\n";

    static byte[] Finish(StringBuilder text, ref SplitMix64 rng, bool allowBom = true)
    {
        if (rng.NextInt(3) == 0) // no final newline
            while (text.Length > 0 && text[^1] is '\n' or '\r') text.Length--;
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return allowBom && rng.NextInt(4) == 0 ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    /// <summary>Plain text: sentences, blank and whitespace-only lines.</summary>
    public static byte[] Text(ulong seed, int lines)
    {
        var rng = new SplitMix64(seed);
        var text = new StringBuilder();
        for (var l = 0; l < lines; l++)
        {
            var kind = rng.NextInt(10);
            if (kind == 0) text.Append("");
            else if (kind == 1) text.Append(Spaces[rng.NextInt(Spaces.Length)]);
            else
            {
                if (rng.NextInt(5) == 0) text.Append(Spaces[rng.NextInt(Spaces.Length)]);
                var n = 1 + rng.NextInt(kind == 9 ? 300 : 15);
                for (var w = 0; w < n; w++) text.Append(w == 0 ? "" : Spaces[rng.NextInt(Spaces.Length)]).Append(Word(ref rng));
            }
            text.Append(Ending(ref rng));
        }
        return Finish(text, ref rng);
    }

    /// <summary>4-column CoNLL: DOCSTART lines (some indented), blank and whitespace-only separators, tab or space columns.</summary>
    public static byte[] Conll(ulong seed, int sentences)
    {
        var rng = new SplitMix64(seed);
        var text = new StringBuilder();
        string[] labels = ["O", "O", "O", "B-PER", "I-PER", "B-LOC"];
        for (var s = 0; s < sentences; s++)
        {
            if (rng.NextInt(12) == 0) text.Append(rng.NextInt(2) == 0 ? "-DOCSTART- -X- -X- O" : "  -DOCSTART- -X- O O").Append(Ending(ref rng)).Append(Ending(ref rng));
            var n = 1 + rng.NextInt(rng.NextInt(20) == 0 ? 200 : 12);
            for (var t = 0; t < n; t++)
            {
                var word = Word(ref rng).Replace(" ", "").Replace("\u00A0", "");
                if (word == "-DOCSTART-") word = "docstart";
                var separator = rng.NextInt(4) == 0 ? "\t" : " ";
                text.Append(rng.NextInt(30) == 0 ? " " : "").Append(word).Append(separator).Append("NN").Append(separator).Append("B-NP")
                    .Append(separator).Append(labels[rng.NextInt(labels.Length)]).Append(Ending(ref rng));
            }
            text.Append(rng.NextInt(8) switch { 0 => "  ", 1 => "\u00A0", 2 => " \f", _ => "" }).Append(Ending(ref rng));
        }
        return Finish(text, ref rng);
    }

    /// <summary>QNLI-shaped TSV: header, index, question, sentence, label; fields with Unicode whitespace, empty fields.</summary>
    public static byte[] Qnli(ulong seed, int rows)
    {
        var rng = new SplitMix64(seed);
        var text = new StringBuilder("index\tquestion\tsentence\tlabel").Append(Ending(ref rng));
        for (var r = 0; r < rows; r++)
        {
            text.Append(r).Append('\t').Append(Field(ref rng)).Append('\t').Append(Field(ref rng)).Append('\t')
                .Append(rng.NextInt(2) == 0 ? "entailment" : "not_entailment").Append(Ending(ref rng));
        }
        return Finish(text, ref rng, allowBom: false);
    }

    static string Field(ref SplitMix64 rng)
    {
        var n = rng.NextInt(20);
        var field = new StringBuilder(rng.NextInt(6) == 0 ? " " : "");
        for (var w = 0; w < n; w++) field.Append(w == 0 ? "" : Spaces[rng.NextInt(Spaces.Length - 2)]).Append(Word(ref rng));
        return field.ToString().Replace("\t", " ");
    }
}
