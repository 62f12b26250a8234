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

    /// <summary>Attacks one record given as strings (fine-tuning augmentation, tests): the same draws as
    /// a record of a streamed chunk.</summary>
    public AttackRecordResult Attack(AttackRecordInput input, AttackCounters counters)
    {
        var records = scratchRecords ??= new ChunkRecords();
        var edits = scratchEdits ??= new ChunkEdits();
        records.Clear();
        edits.Clear();
        records.Add(input);
        Attack(records, 0, edits, counters);
        return edits.ToResult(records, 0, words, input);
    }

    /// <summary>Reused per thread by the one-record <see cref="Attack(AttackRecordInput, AttackCounters)"/>.</summary>
    [ThreadStatic] static ChunkRecords? scratchRecords;

    [ThreadStatic] static ChunkEdits? scratchEdits;

    /// <summary>Attacks record <paramref name="record"/> of <paramref name="records"/>, appending its edits to
    /// <paramref name="edits"/> as one record (records must be attacked in order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Attack(ChunkRecords records, int record, ChunkEdits edits, AttackCounters counters)
    {
        var recordWords = records.Words(record);
        var count = recordWords.Length;
        var allowed = count <= 256 ? stackalloc bool[count] : new bool[count];
        var eligible = count <= 256 ? stackalloc bool[count] : new bool[count];
        records.CopyAllowed(record, allowed);

        // Token-level words are attacked whole, sentence words on their alphabetic core (see WordCore).
        var cores = recordWords;
        if (words != WordGranularity.TokenLevel)
        {
            var coreRanges = scratchCores is { } scratch && scratch.Length >= count ? scratch : scratchCores = new WordRange[Math.Max(count, 64)];
            for (var i = 0; i < count; i++)
            {
                var word = recordWords[i];
                var range = recordWords.Ranges[i];
                var shape = WordCore.Of(word);
                allowed[i] &= shape.IsAlphabetic(word);
                coreRanges[i] = allowed[i] ? new WordRange(range.Start + shape.Start, shape.Length) : range;
            }
            cores = new RecordWords(recordWords.Text, coreRanges.AsSpan(0, count));
        }

        var rng = SplitMix64.ForRecord(seed, records.Id(record));
        recipe.AttackRecord(cores, allowed, ref rng, eligible, edits, counters);
        var recordEdits = edits.Pending;
        edits.EndRecord();

        counters.Records++;
        var lastAttacked = -1;
        foreach (var edit in recordEdits)
        {
            if (edit.TokenIndex == lastAttacked) continue;
            lastAttacked = edit.TokenIndex;
            counters.WordsAttacked++;
            counters.AttackedByLength[AttackCounters.Bucket(cores.Ranges[edit.TokenIndex].Length)]++;
        }
    }

    /// <summary>Reused per thread: the ranges of sentence words' cores, needed only while a record is attacked.</summary>
    [ThreadStatic] static WordRange[]? scratchCores;

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
