using System.Text;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Squad;
using CharBert.Text.IO.Tsv;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

/// <summary>Synthetic files (made-up sentences) checked for byte-identical round trips and label invariance.</summary>
public class FormatRoundTripTests
{
    // CRLF, a DOCSTART line, tabs vs spaces and no final newline: every byte must survive.
    const string Conll = "-DOCSTART- -X- -X- O\r\n\r\nMarvin NNP B-NP B-PER\r\nvisited VBD B-VP O\r\nNorthport NNP B-NP B-LOC\r\n2024 CD I-NP O\r\n\r\n" +
                         "Quietly RB B-ADVP O\r\nsinging VBG B-VP O\r\nbirds NNS B-NP O\r\nQuellford NNP B-NP B-ORG";

    const string Qnli = "index\tquestion\tsentence\tlabel\n0\tWhere do the purple otters sleep?\tPurple otters sleep (mostly) beside quiet rivers.\tentailment\n" +
                        "1\tWhat colour is the glass lantern?\tThe lantern, made of glass, glows amber at night.\tnot_entailment\n";


    [Test]
    public void Conll_unattacked_is_byte_identical_and_attacked_changes_only_the_word_column()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("in.txt"), Conll);
        var format = new ConllAttackFormat();
        var same = AttackFiles.Attack(format, dir.File("in.txt"), dir.File("same"), "rate", rate: 0);
        Assert.That(File.ReadAllBytes(same.Output), Is.EqualTo(File.ReadAllBytes(dir.File("in.txt"))));

        var attacked = AttackFiles.Attack(format, dir.File("in.txt"), dir.File("attacked"), "charbert2020");
        var before = File.ReadAllText(dir.File("in.txt")).Split("\r\n");
        var after = File.ReadAllText(attacked.Output).Split("\r\n");
        Assert.That(after, Has.Length.EqualTo(before.Length));
        var changed = 0;
        for (var i = 0; i < before.Length; i++)
        {
            var (b, a) = (before[i].Split(' '), after[i].Split(' '));
            Assert.That(a.Skip(1), Is.EqualTo(b.Skip(1)), $"line {i + 1}: only the word column may change");
            Assert.That(a, Has.Length.EqualTo(b.Length));
            if (a[0] != b[0]) changed++;
        }
        Assert.That(changed, Is.GreaterThan(0));
        Assert.That(after.Single(l => l.EndsWith("CD I-NP O")), Does.StartWith("2024 "), "all-digit tokens are skipped");
    }

    [TestCase(ConllTokenFilter.EntitiesOnly, new[] { "Marvin", "Northport", "Quellford" })]
    [TestCase(ConllTokenFilter.NonEntitiesOnly, new[] { "visited", "Quietly", "singing", "birds" })]
    public void Conll_token_filter_limits_attacks_to_entities_or_the_rest(ConllTokenFilter filter, string[] attackable)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("in.txt"), Conll);
        var edited = AttackFiles.Attack(new ConllAttackFormat(filter), dir.File("in.txt"), dir.File("out"), "charbert2020")
            .Edits.Select(e => e.Original).ToArray();
        Assert.That(edited, Is.SubsetOf(attackable));
        Assert.That(edited.Length, Is.GreaterThanOrEqualTo(attackable.Length - 1), "at most one no-op swap/keyboard draw expected here");
    }

    [Test]
    public void Tsv_keeps_ids_labels_and_whitespace_and_round_trips_unattacked()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("dev.tsv"), Qnli);
        var format = new TsvAttackFormat(GlueLayouts.Qnli, ["question"]);
        Assert.That(AttackFormats.ReadRecords(format, dir.File("dev.tsv")), Has.Count.EqualTo(2));
        var same = AttackFiles.Attack(format, dir.File("dev.tsv"), dir.File("same"), "rate", rate: 0);
        Assert.That(File.ReadAllBytes(same.Output), Is.EqualTo(File.ReadAllBytes(dir.File("dev.tsv"))));

        var attacked = AttackFiles.Attack(format, dir.File("dev.tsv"), dir.File("out"), "charbert2020");
        var before = File.ReadAllLines(dir.File("dev.tsv")).Select(l => l.Split('\t')).ToArray();
        var after = File.ReadAllLines(attacked.Output).Select(l => l.Split('\t')).ToArray();
        Assert.That(after[0], Is.EqualTo(before[0]));
        for (var i = 1; i < before.Length; i++)
        {
            Assert.That(after[i][0], Is.EqualTo(before[i][0]));
            Assert.That(after[i][2..], Is.EqualTo(before[i][2..]), "sentence column and label untouched");
            Assert.That(after[i][1], Is.Not.EqualTo(before[i][1]));
            Assert.That(after[i][1].Split(' '), Has.Length.EqualTo(before[i][1].Split(' ').Length));
            Assert.That(after[i][1], Does.EndWith("?"));
        }
        Assert.Throws<ArgumentException>(() => AttackFormats.ReadRecords(new TsvAttackFormat(GlueLayouts.Qnli, ["label"]), dir.File("dev.tsv")));
    }

    static string SquadJson(string context, params (string Id, string Question, string Answer)[] qas)
    {
        var builder = new StringBuilder("{\"version\": \"v2.0\", \"data\": [{\"title\": \"Made_up\", \"paragraphs\": [{\"context\": ");
        builder.Append(System.Text.Json.JsonSerializer.Serialize(context)).Append(", \"qas\": [");
        builder.AppendJoin(", ", qas.Select(q =>
            $"{{\"id\": \"{q.Id}\", \"question\": \"{q.Question}\", \"is_impossible\": false, \"answers\": [{{\"text\": \"{q.Answer}\", \"answer_start\": {context.IndexOf(q.Answer, StringComparison.Ordinal)}}}]}}"));
        return builder.Append("]}]}]}").ToString();
    }

    const string Context = "Harbourtown lies east of the Glimmer Mountains, beside \"Lake Sorrel\", and its 1999 founders were weavers.";

    [TestCase(false)]
    [TestCase(true)]
    public void Squad_context_attacks_keep_every_answer_aligned(bool protectAnswers)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("squad.json"), SquadJson(Context,
            ("q1", "Where does Harbourtown lie?", "east of the Glimmer Mountains"),
            ("q2", "Which lake?", "Lake Sorrel"),
            ("q3", "When?", "1999"),
            ("q4", "Who founded it?", "weavers")));
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var output = AttackFiles.Attack(new SquadAttackFormat(SquadTarget.Contexts, protectAnswers), dir.File("squad.json"),
                dir.File("out"), "charbert2020", seed: seed).Output;
            var attacked = SquadFile.Load(output); // the loader itself checks context[start:][:len] == text
            var context = attacked.Examples[0].Context;
            Assert.That(context, Is.Not.EqualTo(Context));
            foreach (var example in attacked.Examples)
            foreach (var answer in example.Answers)
            {
                var start = PythonStringOffsets.ToUtf16Index(context, answer.AnswerStart)!.Value;
                Assert.That(context.Substring(start, answer.Text.Length), Is.EqualTo(answer.Text));
            }
            var answers = attacked.Examples.Select(e => e.Answers[0].Text).ToArray();
            if (protectAnswers)
                Assert.That(answers, Is.EqualTo(new[] { "east of the Glimmer Mountains", "Lake Sorrel", "1999", "weavers" }));
            Assert.That(attacked.Examples.Select(e => e.Question), Is.EqualTo(new[] { "Where does Harbourtown lie?", "Which lake?", "When?", "Who founded it?" }));
        }
    }

    [Test]
    public void Squad_unattacked_is_byte_identical_and_questions_can_be_attacked_alone()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("squad.json"), SquadJson(Context, ("q1", "Where does Harbourtown lie?", "east of the Glimmer Mountains")));
        var same = AttackFiles.Attack(new SquadAttackFormat(SquadTarget.Both), dir.File("squad.json"), dir.File("same"), "rate", rate: 0);
        Assert.That(File.ReadAllBytes(same.Output), Is.EqualTo(File.ReadAllBytes(dir.File("squad.json"))));

        var questions = AttackFiles.Attack(new SquadAttackFormat(SquadTarget.Questions), dir.File("squad.json"), dir.File("q"), "charbert2020");
        var attacked = SquadFile.Load(questions.Output).Examples[0];
        Assert.That(attacked.Context, Is.EqualTo(Context));
        Assert.That(attacked.Question, Is.Not.EqualTo("Where does Harbourtown lie?"));
        Assert.That(attacked.Question, Does.EndWith("?"));
    }
}
