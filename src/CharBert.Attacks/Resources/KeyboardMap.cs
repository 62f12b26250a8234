using System.Runtime.CompilerServices;
using System.Text.Json;
using CharBert.Text.IO;

namespace CharBert.Attacks.Resources;

/// <summary>Keyboard neighbours per key. Keys are matched lower-cased; neighbours are returned as stored.</summary>
public sealed class KeyboardMap
{
    readonly string[] ascii = new string[128];
    readonly Dictionary<char, string> other = new();

    public string Name { get; }

    /// <summary>Number of directed (key, neighbour) pairs.</summary>
    public int PairCount { get; }

    public KeyboardMap(string name, IReadOnlyDictionary<char, string> neighbours)
    {
        Name = name;
        Array.Fill(ascii, "");
        foreach (var (key, value) in neighbours)
        {
            if (value.Any(char.IsWhiteSpace)) throw new ArgumentException($"keyboard map {name}: neighbour of '{key}' is whitespace");
            var lower = char.ToLowerInvariant(key);
            if (lower < 128) ascii[lower] = value; else other[lower] = value;
            PairCount += value.Length;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Neighbours(char c)
    {
        var lower = char.ToLowerInvariant(c);
        return lower < 128 ? ascii[lower] : other.GetValueOrDefault(lower, "");
    }

    /// <summary>The staggered-QWERTY map reconstructed from CharBERT's published attack sets
    /// (charbert2020-keyboard.json: 122 directed pairs, diagonals included, plus k→',').</summary>
    public static KeyboardMap CharBert2020 { get; } = FromJson("charbert2020-keyboard", EmbeddedTables.ReadText("charbert2020-keyboard.json"), "charbert2020-keyboard.json");

    /// <summary>Pruthi et al. (2019)'s map: the 4-neighbour grid qwertyuiop / asdfghjkl / zxcvbnm (up, down,
    /// left, right; no diagonals; 78 directed pairs). Rows are aligned at their first key, which gives exactly those 78 pairs.</summary>
    public static KeyboardMap Pruthi2019 { get; } = Grid("pruthi2019-grid", ["qwertyuiop", "asdfghjkl", "zxcvbnm"]);

    public static KeyboardMap FromJson(string name, string json, string sourceForErrors)
    {
        Dictionary<string, string>? raw;
        try { raw = JsonSerializer.Deserialize<Dictionary<string, string>>(json); }
        catch (JsonException e) { throw new DataFormatException(sourceForErrors, e.LineNumber.GetValueOrDefault() + 1, $"not a JSON object of key → neighbours strings: {e.Message}", e); }
        if (raw == null) throw new DataFormatException(sourceForErrors, 1, "empty keyboard map");
        var map = new Dictionary<char, string>();
        foreach (var (key, value) in raw)
        {
            if (key.Length != 1) throw new DataFormatException(sourceForErrors, $"$.{key}", "keys must be single characters");
            map[key[0]] = value;
        }
        return new KeyboardMap(name, map);
    }

    public static KeyboardMap Grid(string name, IReadOnlyList<string> rows)
    {
        var map = new Dictionary<char, string>();
        for (var r = 0; r < rows.Count; r++)
        for (var c = 0; c < rows[r].Length; c++)
        {
            var neighbours = new List<char>();
            if (r > 0 && c < rows[r - 1].Length) neighbours.Add(rows[r - 1][c]);
            if (r + 1 < rows.Count && c < rows[r + 1].Length) neighbours.Add(rows[r + 1][c]);
            if (c > 0) neighbours.Add(rows[r][c - 1]);
            if (c + 1 < rows[r].Length) neighbours.Add(rows[r][c + 1]);
            map[rows[r][c]] = new string(neighbours.ToArray());
        }
        return new KeyboardMap(name, map);
    }
}
