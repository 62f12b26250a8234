using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Featurization;
using CharBert.Training.Data;
using CharBert.Training.Tasks;
using CharBert.Training.Tests.Support;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Training.Tests;

public class DynamicPaddingTests
{
    static readonly string[][] Sentences =
    [
        ["the", "cat", "runs"],
        ["Anna", "sees", "a", "big", "blue", "house", "near", "the", "tree"],
        ["Bob"],
        ["the", "dog", "and", "the", "cat", "run", "with", "Carl"],
    ];

    static (TextResources Text, IReadOnlyList<InputFeatures> Features) Featurize(TempDirectory dir, int maxSeqLength)
    {
        var text = TextResources.Load(SyntheticTaskFiles.WriteVocabulary(dir.Combine("vocab")), lowerCase: false);
        var featurizer = new NerFeaturizer(text.Tokenizer, text.Chars, maxSeqLength, ["O", "B-PER"], FeaturizationOptions.Fixed);
        return (text, Sentences.Select((s, i) => featurizer.Featurize(s, s.Select(w => char.IsUpper(w[0]) ? "B-PER" : "O").ToArray(), i)).ToList());
    }

    [Test]
    public void A_trimmed_batch_is_the_batch_featurised_with_its_longest_length()
    {
        using var dir = new TempDirectory();
        var (_, full) = Featurize(dir, 32);
        var longest = full.Max(FeatureCollator.Length);
        Assert.That(longest, Is.EqualTo(11), "9 words + [CLS] + [SEP]");
        var (_, exact) = Featurize(dir, longest);
        var trimmed = FeatureCollator.TrimToLongest(full);
        for (var i = 0; i < full.Count; i++)
        {
            Assert.That(trimmed[i].InputIds, Is.EqualTo(exact[i].InputIds));
            Assert.That(trimmed[i].AttentionMask, Is.EqualTo(exact[i].AttentionMask));
            Assert.That(trimmed[i].LabelIds, Is.EqualTo(exact[i].LabelIds));
            Assert.That(trimmed[i].CharInputIds, Is.EqualTo(exact[i].CharInputIds), "6 x L characters, as the original featurises L");
            Assert.That(trimmed[i].StartIds, Is.EqualTo(exact[i].StartIds), "padding positions point at the new last character slot");
            Assert.That(trimmed[i].EndIds, Is.EqualTo(exact[i].EndIds));
        }
    }

    [Test]
    public void Bert_predictions_do_not_depend_on_the_padding()
    {
        using var dir = new TempDirectory();
        var (text, features) = Featurize(dir, 32);
        var config = CharBertConfig.Load(SyntheticTaskFiles.WriteModelConfig(dir.Combine("config.json"))) with
            { VocabSize = text.Tokenizer.Vocabulary.Count, CharVocabSize = text.Chars.Count, UseCharChannel = false };
        manual_seed(5);
        var model = TaskModelFactory.Create(ModelKind.Bert, TaskHeadKind.TokenClassification, config, 2);
        float[][] Logits(bool padToLongest)
        {
            var rows = new float[features.Count][];
            Inference.Run(model, features, CPU, batchSize: 3, padToLongest, (output, indices) =>
            {
                for (var r = 0; r < indices.Length; r++)
                    rows[indices[r]] = output.Logits[r].narrow(0, 0, FeatureCollator.Length(features[indices[r]])).contiguous().data<float>().ToArray();
            });
            return rows;
        }
        var fixedLength = Logits(false);
        var dynamic = Logits(true);
        for (var i = 0; i < features.Count; i++) Assert.That(dynamic[i], Is.EqualTo(fixedLength[i]).Within(1e-5), $"sentence {i}");
    }

    [Test]
    public void Length_grouped_batches_cover_every_example_once_and_gather_similar_lengths()
    {
        var lengths = Enumerable.Range(0, 200).Select(i => i % 7 == 0 ? 60 : 5 + i % 11).ToArray();
        var grouped = EpochOrder.LengthGroupedBatches(lengths, batchSize: 8, seed: 1, epoch: 0, megaBatchFactor: 5);
        Assert.That(grouped.SelectMany(b => b).Order(), Is.EqualTo(Enumerable.Range(0, 200)));
        Assert.That(grouped.Count, Is.EqualTo(25));
        Assert.That(EpochOrder.LengthGroupedBatches(lengths, 8, 1, 0, 5).SelectMany(b => b), Is.EqualTo(grouped.SelectMany(b => b)), "seeded");
        Assert.That(EpochOrder.LengthGroupedBatches(lengths, 8, 1, 1, 5).SelectMany(b => b), Is.Not.EqualTo(grouped.SelectMany(b => b)), "per epoch");
        var random = EpochOrder.Batches(lengths.Length, 8, 1, 0);
        double Padded(IEnumerable<int[]> batches) => batches.Sum(b => b.Length * b.Max(i => lengths[i]));
        Assert.That(Padded(grouped), Is.LessThan(0.8 * Padded(random)), "less padding than random batches");
    }
}
