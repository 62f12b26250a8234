using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using CharBert.Attacks.Randomness;
using CharBert.Attacks.Recipes;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Generation;

/// <summary>Applies a recipe to records. Each record's generator is derived from (seed, record id) alone, and
/// results are stored by input index, so the output is identical for any thread count or schedule.</summary>
public sealed class AttackSetGenerator(AttackRecipe recipe, ulong seed, WordGranularity words)
{
    public AttackRecipe Recipe => recipe;
    public ulong Seed => seed;
    public WordGranularity Words => words;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AttackRecordResult Attack(AttackRecordInput input, AttackCounters counters)
    {
        var recordWords = input.Words as string[] ?? input.Words.ToArray();
        var count = recordWords.Length;
        var allowed = count <= 256 ? stackalloc bool[count] : new bool[count];
        var eligible = count <= 256 ? stackalloc bool[count] : new bool[count];
        if (input.Allowed == null) allowed.Fill(true);
        else for (var i = 0; i < count; i++) allowed[i] = input.Allowed[i];

        // Token-level words are attacked whole, sentence words on their alphabetic core (see WordCore).
        ReadOnlySpan<string> cores = recordWords;
        WordCore[]? coreShapes = null;
        if (words != WordGranularity.TokenLevel)
        {
            var coreWords = scratchCores is { } scratch && scratch.Length >= count ? scratch : scratchCores = new string[Math.Max(count, 64)];
            coreShapes = scratchShapes is { } shapes && shapes.Length >= count ? shapes : scratchShapes = new WordCore[Math.Max(count, 64)];
            for (var i = 0; i < count; i++)
            {
                var word = recordWords[i];
                var shape = coreShapes[i] = WordCore.Of(word);
                allowed[i] &= shape.IsAlphabetic(word);
                coreWords[i] = allowed[i] ? shape.Core(word) : word;
            }
            cores = coreWords.AsSpan(0, count);
        }

        var rng = SplitMix64.ForRecord(seed, input.Id);
        var edits = scratchEdits ??= [];
        edits.Clear();
        recipe.AttackRecord(cores, allowed, ref rng, eligible, edits, counters);

        IReadOnlyList<string> attacked = input.Words;
        if (edits.Count > 0)
        {
            var copy = (string[])recordWords.Clone();
            foreach (var edit in edits) // chained edits: the last one per token wins
                copy[edit.TokenIndex] = coreShapes == null
                    ? edit.Attacked
                    : coreShapes[edit.TokenIndex].Rebuild(recordWords[edit.TokenIndex], edit.Attacked);
            attacked = copy;
        }

        counters.Records++;
        counters.WordsSeen += count;
        var lastAttacked = -1;
        for (var i = 0; i < count; i++)
        {
            var bucket = AttackCounters.Bucket(cores[i].Length);
            counters.SeenByLength[bucket]++;
            if (eligible[i])
            {
                counters.WordsEligible++;
                counters.EligibleByLength[bucket]++;
            }
        }
        foreach (var edit in edits)
        {
            if (edit.TokenIndex == lastAttacked) continue;
            lastAttacked = edit.TokenIndex;
            counters.WordsAttacked++;
            counters.AttackedByLength[AttackCounters.Bucket(cores[edit.TokenIndex].Length)]++;
        }
        if (words != WordGranularity.TokenLevel) Array.Clear(scratchCores!, 0, count); // no stale references kept alive
        return new AttackRecordResult(input.Id, attacked, edits.Count == 0 ? [] : edits.ToArray());
    }

    /// <summary>Reused per thread: most records' edits are copied out once, and records without edits allocate none.</summary>
    [ThreadStatic] static List<WordEdit>? scratchEdits;

    /// <summary>Reused per thread: sentence words' cores and shapes, needed only while a record is attacked.</summary>
    [ThreadStatic] static string[]? scratchCores;

    [ThreadStatic] static WordCore[]? scratchShapes;

    /// <summary>Attacks every record on up to <paramref name="threads"/> threads; results keep input order.</summary>
    public AttackRecordResult[] AttackAll(IReadOnlyList<AttackRecordInput> inputs, int threads, AttackCounters total,
        Action<int>? progress = null)
    {
        var results = new AttackRecordResult[inputs.Count];
        if (threads <= 1)
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                results[i] = Attack(inputs[i], total);
                if ((i & 1023) == 1023) progress?.Invoke(1024);
            }
            progress?.Invoke(inputs.Count & 1023);
            return results;
        }
        var gate = new object();
        Parallel.ForEach(Partitioner.Create(0, inputs.Count, Math.Max(64, inputs.Count / (threads * 8) + 1)),
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new AttackCounters(),
            (range, _, local) =>
            {
                for (var i = range.Item1; i < range.Item2; i++) results[i] = Attack(inputs[i], local);
                progress?.Invoke(range.Item2 - range.Item1);
                return local;
            },
            local => { lock (gate) total.Add(local); });
        return results;
    }
}
