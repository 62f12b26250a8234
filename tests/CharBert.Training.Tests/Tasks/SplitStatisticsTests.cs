using CharBert.TestSupport;
using CharBert.Text.Tasks;
using CharBert.Training.Tasks;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Training.Tests.Tasks;

/// <summary>The corpus side of the word-vs-subword analysis: how the task's own tokenizer splits a CoNLL file.</summary>
public class SplitStatisticsTests
{
    [Test]
    public void Counts_follow_a_hand_made_tokenisation()
    {
        using var dir = new TempDirectory();
        // Johannesburg -> Johannes ##burg, Pretoria -> Pre ##tor ##ia, New York -> New York (whole), everything else whole.
        File.WriteAllLines(dir.Combine(TextResources.VocabFile),
            ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "Johannes", "##burg", "is", "near", "Pre", "##tor", "##ia", ".", "New", "York", "Ann", "lives", "in"]);
        File.WriteAllLines(dir.Combine(TextResources.CharVocabFile), [" ", .. "abcdefghijklmnopqrstuvwxyzAJNPY.".Select(c => c.ToString()), "<unk>"]);
        var test = dir.Combine("test.txt");
        File.WriteAllLines(test,
        [
            "Johannesburg NNP B-NP B-LOC", "is VBZ B-VP O", "near IN B-PP O", "Pretoria NNP B-NP B-LOC", ". . O O", "",
            "Ann NNP B-NP B-PER", "lives VBZ B-VP O", "in IN B-PP O", "New NNP B-NP B-LOC", "Johannesburg NNP I-NP I-LOC", "",
        ]);
        var text = TextResources.Load(dir.Path, lowerCase: false);

        var ner = new TokenTaggingTask(TaskId.Parse("ner"), text, 32, TokenTaggingTask.LabelsOf(test, TaskId.Parse("ner")))
            .SplitStatistics(test);
        // words: 10, split: Johannesburg (x2), Pretoria
        Assert.That((ner.Words, ner.SplitWords), Is.EqualTo((10, 3)));
        // entities: Johannesburg (split), Pretoria (split), Ann (whole), New Johannesburg (split: one word is)
        // entity words: Johannesburg, Pretoria, Ann, New, Johannesburg -> 3 of 5 split
        Assert.That(ner.Entities, Is.EqualTo(new CharBert.Metrics.Analysis.EntitySplitCounts(4, 3, 5, 3)));
        Assert.That(ner.SplitWordShare, Is.EqualTo(0.3).Within(1e-12));

        var pos = new TokenTaggingTask(TaskId.Parse("pos"), text, 32, TokenTaggingTask.LabelsOf(test, TaskId.Parse("pos")))
            .SplitStatistics(test);
        Assert.That((pos.Words, pos.SplitWords, pos.Entities), Is.EqualTo((10, 3, (CharBert.Metrics.Analysis.EntitySplitCounts?)null)),
            "POS tags are not chunk tags: no entity counts");
    }

    /// <summary>The paper reports 17.8% of CoNLL-2003 test words and 45.3% of its entities split by bert-base-cased's
    /// tokenizer. The shared fixture's vocab.txt is a cased 8,262-entry subset of that vocabulary, which splits more:
    /// measured 20.44% of words, 50.28% of entities (44.50% of the words inside entities). Those are not close enough to
    /// the paper's to assert them, so the test pins what this vocabulary gives and prints it.</summary>
    [Test]
    public void Conll2003_test_split_shares_with_the_reference_vocabulary()
    {
        var test = SharedPaths.RequireFile("data/conll2003/test.txt");
        var vocab = Path.GetDirectoryName(SharedPaths.RequireFile("fixtures/charbert-reference/vocab.txt"))!;
        SharedPaths.RequireFile("fixtures/charbert-reference/bert_char_vocab");
        var spec = TaskId.Parse("ner");
        var stats = new TokenTaggingTask(spec, TextResources.Load(vocab, lowerCase: false), 128, TokenTaggingTask.LabelsOf(test, spec))
            .SplitStatistics(test);
        var entities = stats.Entities!;
        TestContext.Out.WriteLine($"CoNLL-2003 test: {stats.Words} words, {stats.SplitWords} split ({stats.SplitWordShare:P2}); " +
                                  $"{entities.Entities} entities, {entities.SplitEntities} with a split word ({entities.SplitEntityShare:P2}); " +
                                  $"{entities.EntityWords} entity words, {entities.SplitEntityWords} split ({entities.SplitEntityWordShare:P2})");
        Assert.That((stats.Words, stats.SplitWords), Is.EqualTo((46435, 9489)));
        Assert.That(entities, Is.EqualTo(new CharBert.Metrics.Analysis.EntitySplitCounts(5648, 2840, 8112, 3610)));
    }
}
