using System.Text.Json.Nodes;
using CharBert.Experiments.Ablation;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Experiments.Findings;
using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;
using CharBert.Experiments.Tests.Ablation;
using CharBert.TestSupport;
using CharBert.Training.Evaluation;
using CharBert.Training.Runs;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Specs;

/// <summary>experiments/conll2003-ner.json and experiments/qnli.json run the paper's Table 3 protocol end to end on the real
/// files from ../shared/data, shrunk to fit the test budget: the first sentences of each file, a tiny BERT checkpoint
/// (seeded, random) standing in for minilm-l6, 2 adaptation steps, one epoch, one seed, the headline attack only.</summary>
public class StandardDataSpecsTests
{
    static string RepoSpec(string name) => Path.Combine(SharedPaths.RepoRoot, "experiments", name);

    /// <summary>The first <paramref name="count"/> blank-line separated sentences of a CoNLL file.</summary>
    static List<string[]> ConllHead(string path, int skip, int count) =>
        File.ReadAllText(path).Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Skip(skip).Take(count).Select(s => s.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();

    static void WriteConll(string path, IEnumerable<string[]> sentences) =>
        File.WriteAllText(path, string.Concat(sentences.Select(s => string.Join('\n', s) + "\n\n")));

    static JsonObject SmallTraining(string dataRoot) => new()
    {
        ["data_root"] = dataRoot,
        ["training"] = new JsonObject
        {
            ["pretrain_steps"] = 2, ["finetune_epochs"] = 1, ["batch_size"] = 8, ["max_seq_length"] = 32, ["device"] = "cpu",
            ["fresh_warmup_steps"] = 0, ["pretrain_checkpoint_every"] = 0,
        },
        ["attacks"] = new JsonObject { ["recipes"] = new JsonObject { ["drop"] = null, ["add"] = null, ["swap"] = null, ["keyboard"] = null } },
        ["seeds"] = new JsonArray(1),
    };

    static JsonObject Pretrained(params string[] variants) =>
        new(variants.Select(v => KeyValuePair.Create(v, (JsonNode?)new JsonObject { ["pretrained"] = "tiny-bert" })));

    [Test]
    public void Conll2003_spec_runs_bert_advbert_wordrec_and_charbert_and_reads_the_authors_split_words_leniently()
    {
        var conll = SharedPaths.RequireFile("data/conll2003");
        using var dir = new TempFolder();
        var data = Directory.CreateDirectory(dir.File("data")).FullName;
        var train = ConllHead(Path.Combine(conll, "train.txt"), 0, 40);
        WriteConll(Path.Combine(data, "train.txt"), train);
        WriteConll(Path.Combine(data, "dev.txt"), ConllHead(Path.Combine(conll, "dev.txt"), 0, 16));
        var test = ConllHead(Path.Combine(conll, "test.txt"), 0, 16);
        WriteConll(Path.Combine(data, "test.txt"), test);
        // the authors' CharAttack_NER shape: an edit put a space inside some words ("JAPAN" -> "JA PAN NNP B-NP B-LOC"),
        // never in the file's first line (which sets the column count)
        var split = 0;
        WriteConll(Path.Combine(data, "charattack.txt"), test.Select((s, i) => s.Select((line, j) =>
        {
            var word = line.Split(' ')[0];
            if (word.Length < 4 || split >= 5 || i + j == 0) return line;
            split++;
            return word[..2] + " " + line[2..];
        }).ToArray()));
        File.WriteAllLines(Path.Combine(data, "adapt.txt"), train.Select(s => string.Join(' ', s.Select(l => l.Split(' ')[0]))));
        TinyBertCheckpoint.Write(Path.Combine(data, "tiny-bert"),
            TinyBertCheckpoint.WriteVocabularies(dir.File("vocab"), File.ReadAllLines(Path.Combine(data, "adapt.txt"))));

        var patch = SmallTraining(data);
        patch["models"] = Pretrained("charbert", "bert", "advbert", "bert+wordrec");
        patch["models"]!["bert+wordrec"]!["word_recognizer"] = new JsonObject { ["vocab_size"] = 200, ["epochs"] = 1 };
        patch["tasks"] = new JsonObject
        {
            ["ner"] = new JsonObject
            {
                ["train"] = "train.txt", ["dev"] = "dev.txt", ["test"] = "test.txt",
                ["extra_tests"] = new JsonObject { ["charattack-ner"] = new JsonObject { ["path"] = "charattack.txt" } },
            },
        };
        patch["training"]!["pretrain_corpus"] = "adapt.txt";
        var spec = SpecLoader.Load(RepoSpec("conll2003-ner.json"), patch, "test");
        Assert.That(spec.Tasks["ner"].ExtraTests!["charattack-ner"].LenientColumns, Is.True, "the spec reads the authors' file leniently");

        var results = dir.File("results");
        Assert.That(new AblationRunner(spec, results, StandardSteps.Create(), "test").Run().Ran, Has.Count.EqualTo(4));
        var rows = new SummaryStore(results).ReadAll();
        foreach (var variant in new[] { "bert", "advbert", "bert+wordrec", "charbert" })
            Assert.That(rows.Where(r => r.Variant == variant && r.Metric == "f1").Select(r => r.TestSet),
                Is.EquivalentTo(new[] { "clean", "charbert2020@1", "charattack-ner" }), variant);
        var record = JsonFiles.Read<EvaluationRecord>(Path.Combine(AblationRunner.RunDirOf(results, new CellKey("charbert", 1, "ner")),
            EvaluateStep.Folder, "charattack-ner", EvaluationRecord.FileName));
        Assert.That(record.LenientLines!.Values.Single(), Is.EqualTo(5), "the split-word lines, counted");
        Assert.That(Directory.Exists(Path.Combine(results, "runs", "advbert")) && !Directory.Exists(Path.Combine(results, "runs", "advbert", "pretrain")),
            "AdvBERT and BERT + WordRec start from BERT's adaptation");
        var findings = RobustnessFindings.Compute(results, resamples: 200);
        Assert.That(findings.Single(f => f.Variant == "charbert").RatioToBaseline, Is.Not.Null);
    }

    [Test]
    public void Qnli_spec_runs_on_a_split_of_the_dev_set()
    {
        var qnliDev = SharedPaths.RequireFile("data/glue-qnli/dev.tsv");
        using var dir = new TempFolder();
        var data = Directory.CreateDirectory(dir.File("data")).FullName;
        // Only QNLI's dev set is available to the tests: its first 48 pairs train, the next 16 are dev, the 16 after test.
        var lines = File.ReadAllLines(qnliDev);
        File.WriteAllLines(Path.Combine(data, "train.tsv"), lines.Take(49));
        File.WriteAllLines(Path.Combine(data, "dev.tsv"), lines.Take(1).Concat(lines.Skip(49).Take(16)));
        File.WriteAllLines(Path.Combine(data, "test.tsv"), lines.Take(1).Concat(lines.Skip(65).Take(16)));
        File.WriteAllLines(Path.Combine(data, "adapt.txt"), lines.Skip(1).Take(48).SelectMany(l => l.Split('\t').Skip(1).Take(2)));
        TinyBertCheckpoint.Write(Path.Combine(data, "tiny-bert"),
            TinyBertCheckpoint.WriteVocabularies(dir.File("vocab"), File.ReadAllLines(Path.Combine(data, "adapt.txt"))));

        var patch = SmallTraining(data);
        patch["models"] = Pretrained("charbert", "bert");
        patch["models"]!["advbert"] = null;
        patch["models"]!["bert+wordrec"] = null;
        patch["tasks"] = new JsonObject
        {
            ["qnli"] = new JsonObject
            {
                ["train"] = "train.tsv", ["dev"] = "dev.tsv", ["test"] = "test.tsv",
                ["extra_tests"] = new JsonObject { ["charattack-qnli"] = new JsonObject { ["path"] = "test.tsv" } },
            },
        };
        patch["training"]!["pretrain_corpus"] = "adapt.txt";
        var spec = SpecLoader.Load(RepoSpec("qnli.json"), patch, "test");
        Assert.That(spec.Tasks.Keys, Is.EqualTo(new[] { "qnli" }));

        var results = dir.File("results");
        Assert.That(new AblationRunner(spec, results, StandardSteps.Create(), "test").Run().Ran, Has.Count.EqualTo(2));
        var rows = new SummaryStore(results).ReadAll();
        Assert.That(rows.Where(r => r.Variant == "charbert" && r.Metric == "accuracy").Select(r => r.TestSet),
            Is.EquivalentTo(new[] { "clean", "charbert2020@1", "charattack-qnli" }));
        Assert.That(rows.Single(r => r.Variant == "bert" && r.TestSet == "charattack-qnli" && r.Metric == "accuracy").Value,
            Is.EqualTo(rows.Single(r => r.Variant == "bert" && r.TestSet == "clean" && r.Metric == "accuracy").Value),
            "the extra set here is the test file itself");
    }

    [Test]
    public void Repository_specs_name_user_paths_and_the_four_models()
    {
        foreach (var name in new[] { "conll2003-ner.json", "qnli.json" })
        {
            var spec = SpecLoader.Load(RepoSpec(name));
            Assert.That(spec.Models.Keys, Is.EquivalentTo(new[] { "charbert", "bert", "advbert", "bert+wordrec" }), name);
            Assert.That(spec.Models.Values.Select(m => m.Pretrained).Distinct(), Is.EqualTo(new[] { "minilm-l6" }), name);
            Assert.That(spec.Models["advbert"].SharesPretrainingWith, Is.EqualTo("bert"));
            Assert.That(spec.Seeds, Has.Count.EqualTo(3));
        }
    }
}
