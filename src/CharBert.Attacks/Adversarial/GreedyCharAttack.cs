using System.Diagnostics;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Adversarial;

/// <summary>Search limits. <see cref="MaxEdits"/> is k of a k-character attack.</summary>
public sealed record GreedySearchOptions(int MaxEdits = 1, int BatchSize = 64, long QueryBudget = long.MaxValue,
    TimeSpan? TimeLimitPerExample = null, WordGranularity Words = WordGranularity.Sentence);

public enum SearchStop { Flipped, AlreadyWrong, Rounds, NoCandidates, QueryBudget, TimeLimit }

/// <summary>The outcome for one example. <see cref="QualityAfterEdits"/>[j] is the goal's quality (1/0 correct,
/// or F1) after j edits, j = 0..k; once the search stops it stays at the last value.</summary>
public sealed record AdversarialResult(string ExampleId, IReadOnlyList<string> Words, IReadOnlyList<WordEdit> Edits,
    IReadOnlyList<double> QualityAfterEdits, long Queries, SearchStop Stop)
{
    public bool Flipped => Stop is SearchStop.Flipped or SearchStop.AlreadyWrong;
}

/// <summary>Pruthi et al. (2019)'s greedy character attack: each round enumerates every one-edit candidate of
/// every word not yet attacked, scores them with the model in batches, stops at the first candidate that
/// succeeds, otherwise keeps the lowest-scoring candidate and goes on, for up to k rounds. With a word
/// recogniser the model sees the recognised words (the defence is inside the loop). Deterministic: candidates
/// are enumerated in a fixed order and ties keep the first.</summary>
public sealed class GreedyCharAttack(IAttackTarget target, Func<string, IEnumerable<PerturbationOutcome>> candidates,
    GreedySearchOptions options, IWordRecognizer? defence = null)
{
    public AdversarialResult Attack(AttackInput input, IAttackGoal goal, IReadOnlyList<bool>? allowed = null)
    {
        var clock = Stopwatch.StartNew();
        long queries = 0;
        var words = input.Words.ToArray();
        var attacked = new bool[words.Length];
        var edits = new List<WordEdit>();
        var quality = new List<double>();

        var current = Query([words], ref queries)[0];
        quality.Add(goal.Quality(current));
        if (goal.IsSuccess(current)) return Finish(SearchStop.AlreadyWrong);

        for (var round = 0; round < options.MaxEdits; round++)
        {
            (double Score, int Word, PerturbationOutcome Edit, Prediction Prediction)? best = null;
            var batchWords = new List<string[]>();
            var batchEdits = new List<(int Word, PerturbationOutcome Edit)>();
            SearchStop? stop = null;

            bool Flush(ref long q)
            {
                var predictions = Query(batchWords, ref q);
                for (var b = 0; b < predictions.Count; b++)
                {
                    var score = goal.Score(predictions[b]);
                    if (goal.IsSuccess(predictions[b]))
                    {
                        best = (score, batchEdits[b].Word, batchEdits[b].Edit, predictions[b]);
                        return true;
                    }
                    if (best == null || score < best.Value.Score) best = (score, batchEdits[b].Word, batchEdits[b].Edit, predictions[b]);
                }
                batchWords.Clear();
                batchEdits.Clear();
                return false;
            }

            var flipped = false;
            foreach (var (index, edit) in Candidates(words, attacked, allowed))
            {
                if (queries + batchWords.Count >= options.QueryBudget) { stop = SearchStop.QueryBudget; break; }
                if (options.TimeLimitPerExample is { } limit && clock.Elapsed > limit) { stop = SearchStop.TimeLimit; break; }
                var variant = (string[])words.Clone();
                variant[index] = edit.Word;
                batchWords.Add(variant);
                batchEdits.Add((index, edit));
                if (batchWords.Count == options.BatchSize && (flipped = Flush(ref queries))) break;
            }
            if (!flipped && batchWords.Count > 0) flipped = Flush(ref queries);

            if (best == null)
                return Finish(stop ?? SearchStop.NoCandidates);
            var (_, word, bestEdit, prediction) = best.Value;
            edits.Add(new WordEdit(word, words[word], bestEdit.Word, bestEdit.Type, bestEdit.Position));
            words[word] = bestEdit.Word;
            attacked[word] = true;
            current = prediction;
            quality.Add(goal.Quality(current));
            if (flipped) return Finish(SearchStop.Flipped);
            if (stop != null) return Finish(stop.Value);
        }
        return Finish(SearchStop.Rounds);

        AdversarialResult Finish(SearchStop reason)
        {
            while (quality.Count <= options.MaxEdits) quality.Add(quality[^1]);
            return new AdversarialResult(input.ExampleId, words, edits, quality, queries, reason);
        }

        IReadOnlyList<Prediction> Query(List<string[]> batch, ref long q)
        {
            q += batch.Count;
            var inputs = Recognized(batch).Select(w => new AttackInput(input.ExampleId, w)).ToArray();
            var predictions = target.Score(inputs);
            if (predictions.Count != inputs.Length)
                throw new InvalidOperationException($"the attack target returned {predictions.Count} predictions for {inputs.Length} inputs");
            return predictions;
        }
    }

    /// <summary>What the model sees: the words themselves, or the defence's reading of the whole batch (one call).</summary>
    IReadOnlyList<string[]> Recognized(List<string[]> batch)
    {
        if (defence == null) return batch;
        var recognized = defence.Recognize(batch);
        if (recognized.Count != batch.Count)
            throw new InvalidOperationException($"the word recogniser returned {recognized.Count} sentences for {batch.Count}");
        for (var i = 0; i < batch.Count; i++)
            if (recognized[i].Length != batch[i].Length)
                throw new InvalidOperationException($"the word recogniser turned {batch[i].Length} words into {recognized[i].Length}");
        return recognized;
    }

    IEnumerable<(int Index, PerturbationOutcome Edit)> Candidates(string[] words, bool[] attacked, IReadOnlyList<bool>? allowed)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (attacked[i] || allowed?[i] == false) continue;
            var word = words[i];
            if (options.Words == WordGranularity.TokenLevel)
            {
                foreach (var edit in candidates(word)) yield return (i, edit);
                continue;
            }
            var core = WordCore.Of(word);
            if (!core.IsAlphabetic(word)) continue;
            foreach (var edit in candidates(core.Core(word)))
                yield return (i, edit with { Word = core.Rebuild(word, edit.Word) });
        }
    }
}
