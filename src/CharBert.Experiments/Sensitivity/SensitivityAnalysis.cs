using CharBert.Experiments.Results;
using CharBert.Metrics.Sensitivity;
using CharBert.Modeling.Checkpoints;
using CharBert.Text.Tasks;
using CharBert.Training;
using CharBert.Training.Tasks;
using CharBert.Training.WordRecognition;
using CharBert.Text.Vocab;

namespace CharBert.Experiments.Sensitivity;

/// <summary>Per-word and corpus sensitivity of one model: S = mean(1 − cos) between each word's vector in the
/// clean sentence and in the attacked one, over all words and split into attacked (text changed) and unattacked.</summary>
public sealed record SensitivityResult(IReadOnlyList<SensitivityWordRow> Words, SensitivityReport Report, int SkippedWords);

public static class SensitivityAnalysis
{
    /// <summary>Loads the model directory and its vocabularies (or <paramref name="vocabDir"/>'s), and the word recogniser
    /// put in front of it if any, and runs <see cref="Run"/> on a clean file and its attacked copy. <paramref name="lowerCase"/>
    /// null: the casing the model was fine-tuned with (finetune.json), else the vocabulary's or model's tokenizer_config.json.</summary>
    public static SensitivityResult RunOnFiles(string modelDir, string? vocabDir, bool? lowerCase, TaskId task, string cleanPath,
        string attackedPath, SensitivitySettings settings, string device, string? wordRecognizerDir = null)
    {
        var pairs = SensitivityFiles.LoadPairs(task, cleanPath, attackedPath);
        var finetunedLowerCase = File.Exists(Path.Combine(modelDir, TaskMetadata.FileName)) ? TaskMetadata.Load(modelDir).LowerCase : (bool?)null;
        var text = TextResources.Load(vocabDir ?? modelDir, TokenizerConfigFile.ResolveLowerCase(lowerCase ?? finetunedLowerCase, vocabDir, modelDir));
        var torchDevice = DeviceResolver.Resolve(device);
        // a directory without task.json (the original code's) may not say which classifier it holds: the task does
        var classifier = task.Family == TaskFamily.Glue ? Modeling.Heads.TaskHeadKind.SequenceClassification : Modeling.Heads.TaskHeadKind.TokenClassification;
        using var model = ModelDirectory.Load(modelDir, torchDevice, classifierHint: classifier);
        using var recognizer = wordRecognizerDir is null ? null : WordRecognizer.Load(wordRecognizerDir, torchDevice);
        return Run(new WordEncoder(model, text.Tokenizer, text.Chars, settings, torchDevice), pairs,
            recognizer is null ? null : sentences => recognizer.RecognizeSentences(sentences));
    }

    /// <param name="recognizeWords">A word recogniser in front of the model (BERT + WordRec): both sentences are rewritten
    /// before encoding. Rows keep the words of the files, and a word counts as attacked when the attack changed it.</param>
    public static SensitivityResult Run(WordEncoder encoder, IReadOnlyList<SentencePair> pairs, WordRewriter? recognizeWords = null)
    {
        IReadOnlyList<IReadOnlyList<string>> Input(Func<SentencePair, IReadOnlyList<string>> side)
        {
            var words = pairs.Select(p => side(p).ToArray()).ToArray();
            return recognizeWords is null ? words : recognizeWords(words);
        }
        var clean = encoder.Encode(Input(p => p.CleanWords));
        var attacked = encoder.Encode(Input(p => p.AttackedWords));
        var accumulator = new SensitivityAccumulator();
        var rows = new List<SensitivityWordRow>();
        var skipped = 0;
        for (var s = 0; s < pairs.Count; s++)
        {
            var pair = pairs[s];
            // words missing on either side (no subwords, truncated) are left out of both
            var kept = Enumerable.Range(0, pair.CleanWords.Count).Where(w => clean[s][w] != null && attacked[s][w] != null).ToList();
            skipped += pair.CleanWords.Count - kept.Count;
            var changed = kept.Select(w => pair.CleanWords[w] != pair.AttackedWords[w]).ToList();
            accumulator.Add(kept.Select(w => clean[s][w]!).ToList(), kept.Select(w => attacked[s][w]!).ToList(), changed);
            rows.AddRange(kept.Select((w, k) => new SensitivityWordRow(s, w, pair.CleanWords[w], pair.AttackedWords[w], changed[k],
                SensitivityMetric.WordDistance(clean[s][w], attacked[s][w]))));
        }
        return new SensitivityResult(rows, accumulator.Report(), skipped);
    }
}
