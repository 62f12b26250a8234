using CharBert.Text.IO.Tsv;
using CharBert.Text.Tasks;
using NUnit.Framework;
using System.Text.Json;

namespace CharBert.Text.Tests.Tasks;

public class TaskIdTests
{
    static readonly string[] StoredNames = ["ner", "pos", "squad", "text", "glue:qnli", "glue:mrpc", "glue:cola", "glue:sst-2", "glue:rte", "glue:qqp"];

    [TestCaseSource(nameof(StoredNames))]
    public void A_stored_name_reads_back_to_the_same_string(string name)
    {
        var task = TaskId.Parse(name);
        Assert.That(task.ToString(), Is.EqualTo(name));
        Assert.That(TaskId.Parse(task.ToString()), Is.EqualTo(task));
        Assert.That(JsonSerializer.Serialize(task), Is.EqualTo($"\"{name}\""));
        Assert.That(JsonSerializer.Deserialize<TaskId>($"\"{name}\""), Is.EqualTo(task));
    }

    [Test]
    public void Case_and_spaces_are_ignored_and_the_glue_name_is_kept_as_written()
    {
        Assert.That(TaskId.Parse(" NER "), Is.SameAs(TaskId.Ner));
        var sst = TaskId.Parse("GLUE:SST2");
        Assert.That(sst.ToString(), Is.EqualTo("glue:sst2"), "names in older finetune.json files come back unchanged");
        Assert.That(sst.GlueLayout, Is.SameAs(GlueLayouts.Sst2));
    }

    [TestCase("nerr", "unknown task 'nerr': use ner | pos | glue:<name> (qnli, mrpc, cola, sst-2, rte, qqp) | squad | text")]
    [TestCase("", "unknown task '': use ner | pos")]
    [TestCase("glue:", "unknown GLUE task '' in 'glue:': known are qnli, mrpc")]
    [TestCase("glue:mnli", "unknown GLUE task 'mnli' in 'glue:mnli': known are qnli, mrpc, cola, cola-test, sst-2, rte, qqp")]
    public void A_bad_name_is_one_message_listing_the_valid_values(string name, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => TaskId.Parse(name))!;
        Assert.That(e.Message, Does.StartWith(message));
        Assert.That(e.Message, Does.Not.Contain("Parameter").And.Not.Contain("System."));
        Assert.That(TaskId.TryParse(name, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(e.Message));
    }

    [Test]
    public void Bad_json_says_what_a_task_is()
    {
        Assert.That(() => JsonSerializer.Deserialize<TaskId>("\"tagging\""), Throws.InstanceOf<JsonException>().With.Message.Contains("unknown task 'tagging'"));
        Assert.That(() => JsonSerializer.Deserialize<TaskId>("3"), Throws.InstanceOf<JsonException>().With.Message.Contains("a task must be a string"));
    }

    [Test]
    public void Each_task_describes_its_files()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TaskId.Ner.Format.File, Is.EqualTo(TaskFileFormat.Conll));
            Assert.That(TaskId.Ner.IsTokenLevel && TaskId.Pos.IsTokenLevel, Is.True);
            Assert.That(TaskId.Pos.Format.Conll!.LabelColumnIndex, Is.EqualTo(1), "POS labels: column 1 of CoNLL-2003");
            Assert.That(TaskId.Ner.Format.DefaultMetric, Is.EqualTo("f1"));
            Assert.That(TaskId.Squad.Format.DefaultMaxSeqLength, Is.EqualTo(384), "run_squad.py's max_seq_length");
            Assert.That(TaskId.Squad.Format.DefaultBatchSize, Is.EqualTo(16));
            Assert.That(TaskId.Glue("qnli").Format.TextFields, Is.EqualTo(new[] { "'question'", "'sentence'" }));
            Assert.That(TaskId.Glue("qnli").Format.Words, Is.EqualTo(WordGranularity.Sentence));
            Assert.That(TaskId.Glue("cola").Format.DefaultMetric, Is.EqualTo("mcc"));
            Assert.That(TaskId.Glue("mrpc").Format.DefaultMetric, Is.EqualTo("f1"));
            Assert.That(TaskId.Text.Format.DefaultMetric, Is.Null);
        });
    }

    [Test]
    public void Examples_cover_every_family_and_every_offered_glue_task()
    {
        Assert.That(TaskId.Examples.Select(t => t.Family).Distinct(), Is.EquivalentTo(Enum.GetValues<TaskFamily>()));
        Assert.That(TaskId.Examples.Select(t => t.ToString()), Does.Contain("glue:sst-2").And.Not.Contain("glue:cola-test"));
    }
}
