using CharBert.Attacks.Generation;
using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Tests;

/// <summary>Made-up lower-case words and records for statistics tests (no third-party text).</summary>
static class SyntheticWords
{
    public static string Word(ref SplitMix64 rng, int length) =>
        string.Create(length, rng.NextUInt64(), static (span, bits) =>
        {
            var local = new SplitMix64(bits);
            for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + local.NextInt(26));
        });

    public static List<AttackRecordInput> Records(int count, int wordsPerRecord, int maxLength, ulong seed = 1)
    {
        var rng = new SplitMix64(seed);
        var records = new List<AttackRecordInput>();
        for (var r = 0; r < count; r++)
        {
            var words = new string[wordsPerRecord];
            for (var w = 0; w < words.Length; w++) words[w] = Word(ref rng, 1 + rng.NextInt(maxLength));
            records.Add(new AttackRecordInput($"r{r}", words));
        }
        return records;
    }
}
