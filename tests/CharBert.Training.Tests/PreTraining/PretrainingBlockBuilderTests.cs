using NUnit.Framework;
using CharBert.Text.Vocab;
using CharBert.Training.PreTraining;

namespace CharBert.Training.Tests.PreTraining;

public class PretrainingBlockBuilderTests
{
    static readonly TermVocabulary Terms = new(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", TermVocabulary.UnkEntry]);

    static string[] SyntheticWords(int n, int seed)
    {
        var pool = new[] { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "ox", "a", "hotelier" };
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => pool[rng.Next(pool.Length)]).ToArray();
    }

    static (PretrainingBlock[] Blocks, FakeWordPieceTokenizer Tokenizer) Build(string[] words, int blockSize, double noise = 0.15, double mask = 0.10, int seed = 1)
    {
        var tokenizer = new FakeWordPieceTokenizer();
        var builder = new PretrainingBlockBuilder(tokenizer,
            new NlmWordNoising(new CharBertWordNoiser(["q", "z"]), Terms, noise),
            new MaskedLmMasker(tokenizer.MaskId, tokenizer.VocabularySize, mask), blockSize);
        return (builder.Build(words, new Random(seed)).ToArray(), tokenizer);
    }

    [Test]
    public void BlocksHaveExactlyBlockSizePositionsWithClsAndSep()
    {
        var (blocks, tokenizer) = Build(SyntheticWords(2000, 1), blockSize: 32);
        Assert.That(blocks, Is.Not.Empty);
        foreach (var block in blocks)
        {
            Assert.That(block.InputIds, Has.Length.EqualTo(32));
            Assert.That(block.Pieces, Has.Length.EqualTo(32));
            Assert.That(block.MaskedLmLabels, Has.Length.EqualTo(32));
            Assert.That(block.TermLabels, Has.Length.EqualTo(32));
            Assert.That(block.PieceWordIndex, Has.Length.EqualTo(32));
            Assert.That((block.InputIds[0], block.InputIds[^1]), Is.EqualTo((tokenizer.ClsId, tokenizer.SepId)));
            Assert.That((block.MaskedLmLabels[0], block.MaskedLmLabels[^1], block.TermLabels[0], block.TermLabels[^1]),
                Is.EqualTo((-1, -1, -1, -1)));
            Assert.That((block.PieceWordIndex[0], block.PieceWordIndex[^1]), Is.EqualTo((-1, -1)));
        }
    }

    [Test]
    public void WithoutNoiseTheBlocksReplayThePieceStreamAndDropOnlyTheTail()
    {
        var words = SyntheticWords(500, 2);
        var (blocks, tokenizer) = Build(words, blockSize: 20, noise: 0, mask: 0);
        var stream = words.SelectMany(tokenizer.TokenizeWord).Select(p => p.Text).ToArray();
        var packed = blocks.SelectMany(b => b.Pieces[1..^1]).ToArray();

        Assert.That(blocks, Has.Length.EqualTo(stream.Length / 18));
        Assert.That(packed, Is.EqualTo(stream.Take(packed.Length)));
    }

    [Test]
    public void WordsAndAlignmentRebuildEachBlocksPieces()
    {
        var (blocks, _) = Build(SyntheticWords(1000, 3), blockSize: 16);
        foreach (var block in blocks)
            for (var i = 1; i < block.Pieces.Length - 1; i++)
            {
                var word = block.Words[block.PieceWordIndex[i]];
                Assert.That(word, Does.Contain(block.Pieces[i].TrimStart('#')));
            }
    }

    [Test]
    public void NoisedPiecesCarryTheTermLabelAndAreNeverMasked()
    {
        var (blocks, _) = Build(SyntheticWords(5000, 4), blockSize: 64, noise: 0.3, mask: 0.3);
        int noisedPieces = 0, maskedPieces = 0;
        foreach (var block in blocks)
            for (var i = 1; i < block.Pieces.Length - 1; i++)
            {
                if (block.TermLabels[i] != -1)
                {
                    noisedPieces++;
                    Assert.That(block.MaskedLmLabels[i], Is.EqualTo(-1), "a noised piece was masked");
                    // every piece of the same word carries the same label
                    for (var j = 1; j < block.Pieces.Length - 1; j++)
                        if (block.PieceWordIndex[j] == block.PieceWordIndex[i]) Assert.That(block.TermLabels[j], Is.EqualTo(block.TermLabels[i]));
                }
                if (block.MaskedLmLabels[i] != -1) maskedPieces++;
            }
        Assert.That(noisedPieces, Is.GreaterThan(0));
        Assert.That(maskedPieces, Is.EqualTo(blocks.Length * (int)Math.Round(62 * 0.3, MidpointRounding.ToEven)));
    }

    [Test]
    public void TermLabelsNameTheCleanWord()
    {
        // Only "charlie" (term id 2) and "hotelier" (not a term -> <unk> = 6) in the corpus.
        var words = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? "charlie" : "hotelier").ToArray();
        var (blocks, _) = Build(words, blockSize: 34, noise: 0.5, mask: 0);
        var labels = blocks.SelectMany(b => b.TermLabels[1..^1]).Where(l => l != -1).Distinct().OrderBy(l => l);
        Assert.That(labels, Is.EqualTo(new[] { 2, 6 }));
    }

    [Test]
    public void SameSeedSameBlocks()
    {
        var words = SyntheticWords(800, 5);
        var (a, _) = Build(words, 24, seed: 3);
        var (b, _) = Build(words, 24, seed: 3);
        Assert.That(a.SelectMany(x => x.InputIds), Is.EqualTo(b.SelectMany(x => x.InputIds)));
        Assert.That(a.SelectMany(x => x.TermLabels), Is.EqualTo(b.SelectMany(x => x.TermLabels)));
    }
}
