using NUnit.Framework;
using CharBert.Text.Featurization;
using CharBert.Text.Vocab;
using CharBert.Training.PreTraining;

namespace CharBert.Training.Tests.PreTraining;

public class PretrainingFeaturizerTests
{
    // id 0 = space (separator/padding), a..z = 1..26, <unk> = 27
    static readonly CharVocabulary Chars = new([" ", .. Enumerable.Range(0, 26).Select(i => ((char)('a' + i)).ToString()), "<unk>"]);

    [Test]
    public void MaskedPositionsGiveOneZeroCharAndOthersTheirPieceCharacters()
    {
        // [CLS] ab ##cd(masked) [UNK](word "xyz") [SEP]
        var block = new PretrainingBlock(
            Pieces: ["[CLS]", "ab", "##cd", "[UNK]", "[SEP]"],
            InputIds: [2, 10, 4, 1, 3],
            MaskedLmLabels: [-1, -1, 11, -1, -1],
            TermLabels: [-1, 7, 7, -1, -1],
            Words: ["abcd", "xyz"],
            PieceWordIndex: [-1, 0, 0, 1, -1]);
        var featurizer = new PretrainingFeaturizer(new CharFeaturizer(Chars, 5, FeaturizationOptions.Original));

        var example = featurizer.Featurize(block);

        // chars: [CLS]->0,sep | a b sep | masked->0,sep | x y z sep | [SEP]->0,sep | padding
        int[] expectedChars = [0, 0, 1, 2, 0, 0, 0, 24, 25, 26, 0, 0, 0];
        Assert.That(example.Features.CharInputIds.Take(expectedChars.Length), Is.EqualTo(expectedChars));
        Assert.That(example.Features.CharInputIds.Skip(expectedChars.Length), Has.All.EqualTo(0));
        Assert.That(example.Features.StartIds, Is.EqualTo(new[] { 0, 2, 5, 7, 11 }));
        Assert.That(example.Features.EndIds, Is.EqualTo(new[] { 0, 3, 5, 9, 11 }));
        Assert.That(example.Features.InputIds, Is.EqualTo(block.InputIds));
        Assert.That(example.Features.AttentionMask, Has.All.EqualTo(1));
        Assert.That(example.MaskedLmLabels, Is.EqualTo(block.MaskedLmLabels));
        Assert.That(example.TermLabels, Is.EqualTo(block.TermLabels));
    }

    [Test]
    public void RejectsABlockOfTheWrongLength()
    {
        var block = new PretrainingBlock(["[CLS]", "[SEP]"], [2, 3], [-1, -1], [-1, -1], [], [-1, -1]);
        var featurizer = new PretrainingFeaturizer(new CharFeaturizer(Chars, 4, FeaturizationOptions.Original));
        Assert.Throws<ArgumentException>(() => featurizer.Featurize(block));
    }
}
