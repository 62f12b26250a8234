using CharBert.Experiments.Ablation;
using CharBert.Experiments.Specs;

namespace CharBert.Experiments.Demo;

/// <summary>Relative costs of the demo's grid cells, for the progress estimate of the time left: a CharBERT pass costs
/// about twice a BERT pass (both channels go through every layer), an AdvBERT fine-tuning 1.5x BERT's (half the
/// training set again, attacked), inference about a third of training per token, and the first cell of a pre-trained
/// model also pays for the adaptation. Token counts are estimated from the data files (words + 30 % for subwords,
/// capped at max_seq_length per example).</summary>
public static class DemoBudget
{
    public static Func<GridCell, double> CellCost(ExperimentSpec spec)
    {
        var cells = GridCell.Expand(spec);
        var firstOfAdaptation = cells.Where(c => c.Model.Pretrain && spec.Training.PretrainSteps > 0)
            .GroupBy(c => PretrainPlan.For(spec, c, "").Directory).Select(g => g.First().Key).ToHashSet();
        var tokens = new Dictionary<string, double>();
        double Tokens(TaskEntry task, string relative)
        {
            var path = Path.Combine(spec.DataRoot, relative);
            if (tokens.TryGetValue(path, out var known)) return known;
            if (!File.Exists(path)) return tokens[path] = 0;
            var maxLength = task.MaxSeqLength ?? spec.Training.MaxSeqLength;
            var lines = File.ReadLines(path);
            // CoNLL: one word per non-blank line; TSV: the text fields' words, one example per line after the header
            var perExample = task.IsTokenLevel
                ? string.Join('\n', lines).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(s => s.Count(ch => ch == '\n') + 1)
                : lines.Skip(1).Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length);
            return tokens[path] = perExample.Sum(words => Math.Min(maxLength, words * 1.3 + 2));
        }
        return cell =>
        {
            var task = cell.Task;
            var modelFactor = cell.Model.Kind == ModelSpec.CharBert ? 2.0 : 1.0;
            var train = Tokens(task, task.Train) * spec.Training.FinetuneEpochs * (cell.Model.Kind == ModelSpec.AdvBert ? 1.5 : 1.0);
            var attacked = spec.Attacks.Recipes.Values.Count(a => a.Seeds is null || a.Seeds.Contains(cell.Seed));
            var sensitivity = spec.Sensitivity.Seeds is null || spec.Sensitivity.Seeds.Contains(cell.Seed) ? 2 * attacked : 0;
            var inference = (Tokens(task, task.Dev) * spec.Training.FinetuneEpochs + (1 + attacked + sensitivity) * Tokens(task, task.Test)) / 3;
            var cost = modelFactor * (train + inference);
            if (firstOfAdaptation.Contains(cell.Key))
                cost += modelFactor * spec.Training.PretrainSteps * (spec.Training.PretrainBatchSize ?? spec.Training.BatchSize) * spec.Training.MaxSeqLength;
            return cost;
        };
    }
}
