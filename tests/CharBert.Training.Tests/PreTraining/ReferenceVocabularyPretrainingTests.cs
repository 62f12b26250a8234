using NUnit.Framework;
using CharBert.TestSupport;
using CharBert.Text.Featurization;
using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;
using CharBert.Training.PreTraining;
using CharBert.Training.WordRecognition;

namespace CharBert.Training.Tests.PreTraining;

/// <summary>The whole data path on the original's vocabularies (read from ../shared at run time) and the
/// words of CoNLL-2003 test sentences.</summary>
public class ReferenceVocabularyPretrainingTests
{
    const string Fixture = "fixtures/charbert-reference/";

    [Test]
    public void BuildsFeaturisedBlocksWithDisjointObjectives()
    {
        var chars = CharVocabulary.Load(SharedPaths.RequireFile(Fixture + "bert_char_vocab"));
        var terms = TermVocabulary.Load(SharedPaths.RequireFile(Fixture + "term_vocab"));
        var wordPieces = WordPieceTokenizer.FromVocabFile(SharedPaths.RequireFile(Fixture + "vocab.txt"), WordPieceTokenizerOptions.Cased);
        var words = WordRecognitionCorpus.ReadSentences(SharedPaths.RequireFile("data/conll2003/test.txt"), CorpusFormat.Conll)
            .Take(400).SelectMany(s => s).ToArray();

        var tokenizer = new ProjectWordPieceTokenizer(wordPieces);
        const int blockSize = 64;
        var builder = new PretrainingBlockBuilder(tokenizer,
            new NlmWordNoising(CharBertWordNoiser.FromCharVocabulary(chars), terms, 0.15),
            new MaskedLmMasker(tokenizer.MaskId, tokenizer.VocabularySize), blockSize);
        var featurizer = new PretrainingFeaturizer(new CharFeaturizer(chars, blockSize, FeaturizationOptions.Original));
        var examples = builder.Build(words, new Random(1)).Select(featurizer.Featurize).ToArray();

        Assert.That(examples, Has.Length.GreaterThan(20));
        int mlm = 0, nlm = 0;
        foreach (var example in examples)
        {
            Assert.That(example.Features.InputIds, Has.Length.EqualTo(blockSize));
            Assert.That(example.Features.CharInputIds, Has.Length.EqualTo(6 * blockSize));
            for (var i = 0; i < blockSize; i++)
            {
                Assert.That(example.MaskedLmLabels[i] == -1 || example.TermLabels[i] == -1, "a position carries both objectives");
                if (example.MaskedLmLabels[i] != -1)
                {
                    mlm++;
                    Assert.That(example.Features.CharInputIds[example.Features.StartIds[i]], Is.EqualTo(0), "a masked position shows characters");
                }
                if (example.TermLabels[i] != -1) nlm++;
            }
            Assert.That(example.TermLabels.Where(l => l != -1), Has.All.InRange(0, terms.Count - 1));
        }
        // round(62 x 0.10) = 6 per block, fewer only when the remaining words' pieces would overshoot (as the original).
        var target = examples.Length * 6;
        Assert.That(mlm, Is.InRange(target * 0.95, target));
        Assert.That(nlm, Is.GreaterThan(0));
    }
}
