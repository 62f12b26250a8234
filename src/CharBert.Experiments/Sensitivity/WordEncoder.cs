using CharBert.Metrics.Sensitivity;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Modules;
using CharBert.Text.Featurization;
using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;
using CharBert.Training.Data;
using static TorchSharp.torch;

namespace CharBert.Experiments.Sensitivity;

/// <summary>Runs a model's encoder on word lists and returns one vector per word (subwords pooled), from a chosen
/// layer and channel. Words are featurised one by one as for NER (BERT layout, [CLS] first), so word w's subwords
/// sit at known positions. A word that yields no subwords or falls past max_seq_length gets a null vector.</summary>
public sealed class WordEncoder(ITaskModel model, WordPieceTokenizer tokenizer, CharVocabulary chars, SensitivitySettings settings, Device device)
{
    const string DummyLabel = "O";
    readonly NerFeaturizer featurizer = new(tokenizer, chars, settings.MaxSeqLength, [DummyLabel], FeaturizationOptions.Fixed);

    /// <summary>Per sentence, per word: the pooled vector, or null when the word is not represented.</summary>
    public List<float[]?[]> Encode(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        if (settings.MaxSeqLength > model.Config.MaxPositionEmbeddings)
            throw new ArgumentException($"--max-seq-length {settings.MaxSeqLength} exceeds the model's max_position_embeddings ({model.Config.MaxPositionEmbeddings})");
        if (settings.BatchSize < 1) throw new ArgumentException($"--batch-size must be at least 1 (got {settings.BatchSize})");
        if (settings.Channel != RepresentationChannel.Token && !model.Encoder.HasCharChannel)
            throw new ArgumentException($"channel {settings.Channel.ToString().ToLowerInvariant()} needs a model with a char channel; this one has only tokens");
        var features = sentences.Select((words, i) => featurizer.Featurize(words, words.Select(_ => DummyLabel).ToList(), i)).ToList();
        var result = new List<float[]?[]>(sentences.Count);
        model.Module.eval();
        using var noGrad = no_grad();
        for (var start = 0; start < sentences.Count; start += settings.BatchSize)
        {
            using var scope = NewDisposeScope();
            var indices = Enumerable.Range(start, Math.Min(settings.BatchSize, sentences.Count - start)).ToList();
            using var cpuBatch = FeatureCollator.Collate(features, indices);
            using var batch = cpuBatch.To(device);
            var hidden = SelectHidden(model.Encoder.Encode(batch, outputHiddenStates: true)); // (B, T, H or 2H)
            var width = (int)hidden.shape[2];
            var values = hidden.to(float32).cpu().data<float>().ToArray();
            for (var b = 0; b < indices.Count; b++)
                result.Add(PoolWords(sentences[indices[b]], values, b, (int)hidden.shape[1], width));
        }
        return result;
    }

    Tensor SelectHidden(EncoderOutput encoded)
    {
        var tokenLayers = encoded.TokenHiddenStates!;
        var layer = settings.Layer < 0 ? tokenLayers.Count + settings.Layer : settings.Layer;
        if (layer < 0 || layer >= tokenLayers.Count)
            throw new ArgumentException($"layer {settings.Layer} does not exist: the model has embeddings (0) and layers 1..{tokenLayers.Count - 1}");
        return settings.Channel switch
        {
            RepresentationChannel.Token => tokenLayers[layer],
            RepresentationChannel.Char => encoded.CharHiddenStates![layer],
            _ => model.Encoder.HasCharChannel ? cat([tokenLayers[layer], encoded.CharHiddenStates![layer]], -1) : tokenLayers[layer],
        };
    }

    float[]?[] PoolWords(IReadOnlyList<string> words, float[] values, int b, int positions, int width)
    {
        var pieces = featurizer.TokenizeWords(words);
        var lastBodyPosition = settings.MaxSeqLength - 2; // [CLS] at 0, [SEP] after the body
        var vectors = new float[]?[words.Count];
        var position = 1;
        for (var w = 0; w < words.Count; w++)
        {
            var count = pieces[w].Count;
            if (count == 0) continue;
            if (position + count - 1 <= lastBodyPosition)
            {
                var subwords = Enumerable.Range(position, count)
                    .Select(p => values.AsSpan((b * positions + p) * width, width).ToArray()).ToList();
                vectors[w] = WordVectors.Pool(subwords, [Enumerable.Range(0, count).ToList()], settings.Pooling)[0];
            }
            position += count;
        }
        return vectors;
    }
}
