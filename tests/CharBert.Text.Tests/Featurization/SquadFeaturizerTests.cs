using CharBert.Text.Featurization.Squad;
using NUnit.Framework;

namespace CharBert.Text.Tests.Featurization;

public class SquadFeaturizerTests
{
    private const string Context =
        "The river flows north past the old mill town. The bridge was built in 1850. The river flows past the town where the old mill is.";

    private static SquadFeaturizer Featurizer(int maxSeq = 24, int stride = 6, int maxQuery = 8) =>
        new(SyntheticVocab.Tokenizer(), SyntheticVocab.Chars(), maxSeq, stride, maxQuery);

    [Test]
    public void LongContextIsCoveredByOverlappingWindowsStartingEveryDocStride()
    {
        var example = new SquadInput("What is built in 1850?", Context, Context.IndexOf("1850"), "1850", false);
        var windows = Featurizer().Featurize(example, isTraining: true);
        Assert.That(windows, Has.Count.GreaterThan(2));
        var firstContextWord = windows.Select(w => w.TokenToOrigMap.Values.Min()).ToList();
        Assert.That(firstContextWord, Is.Ordered.Ascending);
        foreach (var w in windows)
        {
            Assert.That(w.Features.InputIds, Has.Length.EqualTo(24));
            Assert.That(w.Features.CharInputIds, Has.Length.EqualTo(144));
        }
        // every context sub-token (global index = window k's start k x stride + offset) has exactly one max-context window
        var owned = windows.SelectMany((w, k) => w.TokenIsMaxContext.Where(kv => kv.Value)
            .Select(kv => k * 6 + kv.Key - w.TokenIsMaxContext.Keys.Min())).OrderBy(i => i).ToList();
        int last = windows.Count - 1;
        int contextLength = last * 6 + windows[last].ParagraphLength;
        Assert.That(owned, Is.EqualTo(Enumerable.Range(0, contextLength)));
    }

    [Test]
    public void AnswerSpanRoundTripsThroughWindowsAndDecoder()
    {
        foreach (var answer in new[] { "1850", "old mill town", "bridge", "north" })
        {
            int start = Context.IndexOf(answer, StringComparison.Ordinal);
            var example = new SquadInput("Where does the river flow?", Context, start, answer, false);
            var windows = Featurizer().Featurize(example, isTraining: true);
            var holding = windows.Where(w => !w.IsImpossible && w.TokenIsMaxContext[w.Features.StartPosition!.Value]).ToList();
            Assert.That(holding, Has.Count.EqualTo(1), answer);
            var window = holding[0];
            int s = window.Features.StartPosition!.Value, e = window.Features.EndPosition!.Value;
            Assert.That(string.Join(" ", window.Tokens.Skip(s).Take(e - s + 1)).Replace(" ##", ""), Is.EqualTo(answer.ToLowerInvariant().Replace(".", " .")).Or.EqualTo(answer.ToLowerInvariant()), answer);

            // logits peaking at the labelled span in that window and flat elsewhere decode back to the original text
            var starts = windows.Select(_ => new float[24]).ToList();
            var ends = windows.Select(_ => new float[24]).ToList();
            int index = windows.ToList().IndexOf(window);
            starts[index][s] = 10; ends[index][e] = 10;
            var prediction = SquadAnswerDecoder.Decode(example, windows, starts, ends, new SquadDecodingOptions { LowerCase = true });
            Assert.That(prediction.Answer, Is.EqualTo(answer));
        }
    }

    [Test]
    public void WindowsNotHoldingTheAnswerAndUnanswerableQuestionsPointAtCls()
    {
        int start = Context.LastIndexOf("old mill", StringComparison.Ordinal);
        var answerable = Featurizer().Featurize(new SquadInput("What is where?", Context, start, "old mill", false), isTraining: true);
        Assert.That(answerable.Any(w => w.IsImpossible && w.Features.StartPosition == 0 && w.Features.EndPosition == 0), Is.True);
        Assert.That(answerable.Any(w => !w.IsImpossible), Is.True);

        var impossible = Featurizer().Featurize(new SquadInput("What is where?", Context, null, null, true), isTraining: true);
        Assert.That(impossible.All(w => w.IsImpossible && w.Features.StartPosition == 0 && w.Features.EndPosition == 0), Is.True);
    }

    [Test]
    public void NullAnswerWinsOnlyAboveTheThreshold()
    {
        var example = new SquadInput("What is built in 1850?", Context, null, null, true);
        var windows = Featurizer(maxSeq: 64, stride: 20).Featurize(example, isTraining: false);
        Assert.That(windows, Has.Count.EqualTo(1));
        var starts = new[] { new float[64] };
        var ends = new[] { new float[64] };
        int bridge = windows[0].Tokens.ToList().IndexOf("bridge");
        starts[0][0] = 5; ends[0][0] = 5;           // null score 10
        starts[0][bridge] = 4; ends[0][bridge] = 4;  // best span score 8
        var options = new SquadDecodingOptions { LowerCase = true, VersionTwoWithNegative = true };
        Assert.That(SquadAnswerDecoder.Decode(example, windows, starts, ends, options).Answer, Is.EqualTo(""));
        Assert.That(SquadAnswerDecoder.Decode(example, windows, starts, ends, options with { NullScoreDiffThreshold = 3 }).Answer, Is.EqualTo("bridge"));
    }

    [Test]
    public void GetFinalTextRestoresOriginalCasingAndPunctuation()
    {
        Assert.That(SquadAnswerDecoder.GetFinalText("steve smith", "Steve Smith's", lowerCase: true), Is.EqualTo("Steve Smith"));
        Assert.That(SquadAnswerDecoder.GetFinalText("1850", "(1850).", lowerCase: true), Is.EqualTo("1850"));
        Assert.That(SquadAnswerDecoder.GetFinalText("absent", "Bridge", lowerCase: true), Is.EqualTo("Bridge"));
    }

    [Test]
    public void CharactersOfAnUnknownContextTokenComeFromItsOriginalWordAndPaddingGetsNone()
    {
        var chars = SyntheticVocab.Chars();
        var example = new SquadInput("where?", "the ßmill river", null, null, false);
        var window = Featurizer(maxSeq: 24, stride: 6).Featurize(example, isTraining: false).Single();
        // [CLS] where ? [SEP] the [UNK] river [SEP] then 16 x [PAD]
        Assert.That(window.Tokens, Is.EqualTo(new[] { "[CLS]", "where", "?", "[SEP]", "the", "[UNK]", "river", "[SEP]" }));
        int unkStart = window.Features.StartIds[5], unkEnd = window.Features.EndIds[5];
        var expected = "ßmill".Select(c => chars.GetId(c)).ToArray();
        Assert.That(window.Features.CharInputIds[unkStart..(unkEnd + 1)], Is.EqualTo(expected));
        Assert.That(expected[0], Is.EqualTo(chars.UnkId));
        Assert.That(window.Features.StartIds[8..], Is.All.EqualTo(24 * 6 - 1));
        Assert.That(window.Features.CharInputIds[(window.Features.EndIds[7] + 1)..], Is.All.EqualTo(0));
    }
}
