using static TorchSharp.torch;

using CharBert.Modeling.Modules;

namespace CharBert.Modeling.Benchmarks;

/// <summary>A seeded random batch in the original featurisation's layout (each token: 1-5 chars then one 0 separator;
/// start/end ids point at its first/last char; padding positions point at the last char slot), with labels for every
/// head. For benchmarks and tests.</summary>
public static class SyntheticBatch
{
    public static ModelBatch Create(CharBertConfig config, int batchSize, int seqLength, int seed, int numLabels = 2)
    {
        var random = new Random(seed);
        var charMax = 6 * seqLength;
        var inputIds = new long[batchSize * seqLength];
        var mask = new long[batchSize * seqLength];
        var types = new long[batchSize * seqLength];
        var chars = new long[batchSize * charMax];
        var starts = new long[batchSize * seqLength];
        var ends = new long[batchSize * seqLength];
        var tokenLabels = new long[batchSize * seqLength];
        var mlmLabels = new long[batchSize * seqLength];
        var termLabels = new long[batchSize * seqLength];
        for (var b = 0; b < batchSize; b++)
        {
            var length = Math.Max(2, seqLength - random.Next(0, Math.Max(1, seqLength / 4)));
            var c = 0;
            for (var t = 0; t < seqLength; t++)
            {
                var i = b * seqLength + t;
                var real = t < length;
                inputIds[i] = real ? random.Next(5, config.VocabSize) : 0;
                mask[i] = real ? 1 : 0;
                types[i] = real && t >= length / 2 ? 1 : 0;
                tokenLabels[i] = real ? random.Next(numLabels) : -100;
                mlmLabels[i] = real && random.NextDouble() < 0.15 ? inputIds[i] : -1;
                termLabels[i] = real && random.NextDouble() < 0.15 ? random.Next(config.TermVocabSize) : -1;
                if (!real || c + 6 > charMax) { starts[i] = ends[i] = charMax - 1; continue; }
                var n = random.Next(1, 6);
                starts[i] = c;
                for (var k = 0; k < n; k++) chars[b * charMax + c++] = random.Next(1, config.CharVocabSize);
                ends[i] = c - 1;
                c++; // separator
            }
        }
        Tensor Long(long[] data, params long[] shape) => tensor(data, shape, ScalarType.Int64);
        return new ModelBatch
        {
            InputIds = Long(inputIds, batchSize, seqLength), AttentionMask = Long(mask, batchSize, seqLength), TokenTypeIds = Long(types, batchSize, seqLength),
            CharInputIds = Long(chars, batchSize, charMax), StartIds = Long(starts, batchSize, seqLength), EndIds = Long(ends, batchSize, seqLength),
            SequenceLabels = Long(Enumerable.Range(0, batchSize).Select(_ => (long)random.Next(numLabels)).ToArray(), batchSize),
            TokenLabels = Long(tokenLabels, batchSize, seqLength),
            StartPositions = Long(Enumerable.Range(0, batchSize).Select(_ => (long)random.Next(seqLength)).ToArray(), batchSize),
            EndPositions = Long(Enumerable.Range(0, batchSize).Select(_ => (long)random.Next(seqLength)).ToArray(), batchSize),
            MaskedLmLabels = Long(mlmLabels, batchSize, seqLength), TermLabels = Long(termLabels, batchSize, seqLength),
        };
    }
}
