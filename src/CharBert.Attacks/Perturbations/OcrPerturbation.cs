using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Perturbations;

/// <summary>One OCR confusion (rn→m, m→rn, l→1, O→0, cl→d, vv→w, ...; see <see cref="DefaultRules"/>): every
/// occurrence of a rule's pattern lying wholly inside the legal character range is a candidate, one is drawn
/// uniformly. A word with no candidate is left unchanged.</summary>
public sealed class OcrPerturbation(IReadOnlyList<(string From, string To)>? rules = null, bool allowEnds = false) : IPerturbation
{
    public static readonly IReadOnlyList<(string From, string To)> DefaultRules =
    [
        ("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl"), ("vv", "w"), ("w", "vv"), ("ri", "n"),
        ("l", "1"), ("1", "l"), ("I", "l"), ("l", "I"), ("O", "0"), ("0", "O"), ("o", "0"),
        ("S", "5"), ("5", "S"), ("B", "8"), ("e", "c"), ("c", "e"), ("h", "b"), ("u", "v"), ("g", "q"),
    ];

    readonly IReadOnlyList<(string From, string To)> rules = rules ?? DefaultRules;

    public PerturbationType Type => PerturbationType.Ocr;
    public int MaxGrowth { get; } = (rules ?? DefaultRules).Select(r => r.To.Length - r.From.Length).Append(0).Max();

    public IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string>
    {
        ["rules"] = string.Join(" ", rules.Select(r => $"{r.From}>{r.To}")),
        ["allow_ends"] = allowEnds.ToString().ToLowerInvariant(),
    };

    List<(int Index, int Rule)> Matches(ReadOnlySpan<char> word)
    {
        var (first, last) = EditRange.Character(word.Length, allowEnds);
        var matches = new List<(int, int)>();
        for (var r = 0; r < rules.Count; r++)
        {
            var from = rules[r].From;
            for (var i = first; i + from.Length - 1 <= last; i++)
                if (word.Slice(i, from.Length).SequenceEqual(from)) matches.Add((i, r));
        }
        return matches;
    }

    public PerturbationDraw Apply(ReadOnlySpan<char> word, Span<char> destination, ref SplitMix64 rng)
    {
        var matches = Matches(word);
        if (matches.Count == 0) return PerturbationDraw.NoPosition(Type);
        var (index, rule) = matches[rng.NextInt(matches.Count)];
        return PerturbationDraw.Written(Type, index, WordEdits.ReplaceRange(word, index, rules[rule].From.Length, rules[rule].To, destination));
    }

    public IEnumerable<PerturbationOutcome> Enumerate(string word)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new char[word.Length + MaxGrowth];
        foreach (var (index, rule) in Matches(word))
        {
            var attacked = WordEdits.NewString(buffer, WordEdits.ReplaceRange(word, index, rules[rule].From.Length, rules[rule].To, buffer));
            if (seen.Add(attacked)) yield return new(Type, attacked, index, true);
        }
    }
}
