using System.Text.Json;
using CharBert.Text.Featurization;
using NUnit.Framework;

namespace CharBert.Text.Tests.Featurization;

/// <summary>Every case of featurization.json (produced by the original Python code) reproduced field by field.</summary>
public class FixtureParityTests
{
    private static JsonElement Cases(out JsonElement root)
    {
        root = ReferenceFixture.Load();
        return root.GetProperty("cases");
    }

    [Test]
    public void NerCasesMatchTheOriginalExactly()
    {
        var cases = Cases(out var root);
        var featurizer = new NerFeaturizer(ReferenceFixture.CasedTokenizer(), ReferenceFixture.CharVocabulary(),
            root.GetProperty("max_seq_length").GetInt32(), ReferenceFixture.Strings(root.GetProperty("ner_labels")));
        int checkedCases = 0;
        foreach (var c in cases.EnumerateArray().Where(c => c.GetProperty("task").GetString() == "ner"))
        {
            var id = c.GetProperty("id").GetString();
            var f = featurizer.Featurize(ReferenceFixture.Strings(c.GetProperty("words")), ReferenceFixture.Strings(c.GetProperty("labels")));
            AssertField(id, "input_ids", c, f.InputIds);
            AssertField(id, "attention_mask", c, f.AttentionMask);
            AssertField(id, "token_type_ids", c, f.TokenTypeIds);
            AssertField(id, "label_ids", c, f.LabelIds!);
            AssertField(id, "char_input_ids", c, f.CharInputIds);
            AssertField(id, "start_ids", c, f.StartIds);
            AssertField(id, "end_ids", c, f.EndIds);
            checkedCases++;
        }
        Assert.That(checkedCases, Is.EqualTo(82));
    }

    [Test]
    public void SequenceCasesMatchTheOriginalExactly()
    {
        var cases = Cases(out var root);
        var featurizer = new SequenceFeaturizer(ReferenceFixture.CasedTokenizer(), ReferenceFixture.CharVocabulary(),
            root.GetProperty("max_seq_length").GetInt32());
        string[] labels = ["entailment", "not_entailment"];
        int checkedCases = 0;
        foreach (var c in cases.EnumerateArray().Where(c => c.GetProperty("task").GetString() != "ner"))
        {
            var id = c.GetProperty("id").GetString();
            var textB = c.GetProperty("text_b");
            var f = featurizer.Featurize(c.GetProperty("text_a").GetString()!,
                textB.ValueKind == JsonValueKind.Null ? null : textB.GetString(),
                Array.IndexOf(labels, c.GetProperty("label").GetString()));
            AssertField(id, "input_ids", c, f.InputIds);
            AssertField(id, "attention_mask", c, f.AttentionMask);
            AssertField(id, "token_type_ids", c, f.TokenTypeIds);
            Assert.That(f.LabelId, Is.EqualTo(c.GetProperty("label_id").GetInt32()), $"{id} label_id");
            AssertField(id, "char_input_ids", c, f.CharInputIds);
            AssertField(id, "start_ids", c, f.StartIds);
            AssertField(id, "end_ids", c, f.EndIds);
            checkedCases++;
        }
        Assert.That(checkedCases, Is.EqualTo(41));
    }

    [Test]
    public void TokenizerMatchesTheOriginalOnEveryNerSentence()
    {
        var cases = Cases(out _);
        var tokenizer = ReferenceFixture.CasedTokenizer();
        foreach (var c in cases.EnumerateArray().Where(c => c.GetProperty("task").GetString() == "ner"))
        {
            var text = string.Join(" ", ReferenceFixture.Strings(c.GetProperty("words")));
            Assert.That(tokenizer.Tokenize(text), Is.EqualTo(ReferenceFixture.Strings(c.GetProperty("tokens"))), c.GetProperty("id").GetString());
        }
    }

    private static void AssertField(string? caseId, string field, JsonElement expectedCase, int[] actual) =>
        Assert.That(actual, Is.EqualTo(ReferenceFixture.Ints(expectedCase.GetProperty(field))), $"{caseId} {field}");
}
