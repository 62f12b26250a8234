namespace CharBert.Training.WordRecognition;

/// <summary>Pruthi et al.'s word noises, with their length rules (defenses/scRNN/utils.py); the first and
/// last characters never change.</summary>
/// <remarks><list type="bullet">
/// <item>swap: words longer than 3, pair (i, i+1) with i in 1..len-3;</item>
/// <item>drop: words of 5 or more, delete i in 1..len-2;</item>
/// <item>add: words of 3 or more, insert a random a-z at i in 1..len-1;</item>
/// <item>key: words of 3 or more, replace i in 1..len-2 with a neighbour on a plain QWERTY grid (up, down,
/// left, right; a character with no neighbour stays).</item>
/// </list>
/// Shorter words come back unchanged.</remarks>
public static class ScrnnWordNoise
{
    const string Letters = "abcdefghijklmnopqrstuvwxyz";
    static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
    static readonly Dictionary<char, char[]> KeyboardNeighbours = BuildKeyboardNeighbours();

    public static string Apply(string word, ScrnnNoiseType type, Random rng) => type switch
    {
        ScrnnNoiseType.Swap => word.Length > 3 ? Swap(word, rng.Next(1, word.Length - 2)) : word,
        ScrnnNoiseType.Drop => word.Length >= 5 ? word.Remove(rng.Next(1, word.Length - 1), 1) : word,
        ScrnnNoiseType.Add => word.Length >= 3 ? word.Insert(rng.Next(1, word.Length), Letters[rng.Next(Letters.Length)].ToString()) : word,
        ScrnnNoiseType.Key => word.Length >= 3 ? ReplaceWithNeighbour(word, rng.Next(1, word.Length - 1), rng) : word,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>One noise type drawn uniformly from <paramref name="types"/> (Pruthi's equal probabilities), then applied.</summary>
    public static string ApplyAny(string word, IReadOnlyList<ScrnnNoiseType> types, Random rng) =>
        Apply(word, types[rng.Next(types.Count)], rng);

    public static IReadOnlyList<char> NeighboursOf(char c) =>
        KeyboardNeighbours.TryGetValue(c, out var n) ? n : [];

    static string Swap(string word, int i)
    {
        var chars = word.ToCharArray();
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }

    static string ReplaceWithNeighbour(string word, int i, Random rng)
    {
        var neighbours = NeighboursOf(word[i]);
        if (neighbours.Count == 0) return word;
        var chars = word.ToCharArray();
        chars[i] = neighbours[rng.Next(neighbours.Count)];
        return new string(chars);
    }

    static Dictionary<char, char[]> BuildKeyboardNeighbours()
    {
        var map = new Dictionary<char, char[]>();
        for (var row = 0; row < KeyboardRows.Length; row++)
            for (var col = 0; col < KeyboardRows[row].Length; col++)
            {
                var neighbours = new List<char>();
                foreach (var (dr, dc) in new[] { (-1, 0), (1, 0), (0, -1), (0, 1) })
                {
                    var (r, c) = (row + dr, col + dc);
                    if (r >= 0 && r < KeyboardRows.Length && c >= 0 && c < KeyboardRows[r].Length) neighbours.Add(KeyboardRows[r][c]);
                }
                map[KeyboardRows[row][col]] = neighbours.ToArray();
            }
        return map;
    }
}
