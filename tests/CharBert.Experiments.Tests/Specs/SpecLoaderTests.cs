using System.Text.Json.Nodes;
using CharBert.Experiments.Ablation;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Experiments.Demo;
using CharBert.Experiments.Specs;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.TestSupport;
using CharBert.Text.IO;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Specs;

public class SpecLoaderTests
{
    const string MinimalBase = """
        {
          "name": "???",
          "data_root": "data",
          "models": { "charbert": { "kind": "charbert", "pretrained": "???", "pretrain": true, "nlm": true,
                                    "config": { "fusion": "conv" } } },
          "tasks": { "ner": { "kind": "ner", "name": "conll", "train": "t", "dev": "d", "test": "e", "metric": "f1" } },
          "training": { "pretrain_steps": 1, "finetune_epochs": 1, "batch_size": 2, "learning_rate": 0.1, "max_seq_length": 8, "device": "cpu" },
          "attacks": { "seed": 1, "recipes": { "drop": { "recipe": "rate", "types": ["drop"], "rates": [0.1] } } },
          "sensitivity": { "layer": -1, "pooling": "first", "channel": "concat" },
          "seeds": [1, 2]
        }
        """;

    [Test]
    public void Merge_patch_merges_objects_replaces_values_and_null_deletes()
    {
        var target = JsonNode.Parse("""{"a": {"x": 1, "y": 2}, "b": [1, 2], "c": 3}""");
        var patch = JsonNode.Parse("""{"a": {"y": 5, "z": 6}, "b": [9], "c": null}""");
        Assert.That(JsonMergePatch.Apply(target, patch)!.ToJsonString(), Is.EqualTo("""{"a":{"x":1,"y":5,"z":6},"b":[9]}"""));
    }

    [Test]
    public void An_open_value_fails_fast_naming_the_file_and_key()
    {
        using var dir = new TempFolder();
        var basePath = dir.Write("base.json", MinimalBase);
        var over = dir.Write("exp.json", """{ "base": "base.json", "name": "exp" }""");
        var e = Assert.Throws<DataFormatException>(() => SpecLoader.Load(over))!;
        Assert.That(e.FilePath, Is.EqualTo(basePath));
        Assert.That(e.Message, Does.Contain("$.models.charbert.pretrained").And.Contain("must be supplied"));
    }

    [Test]
    public void Override_changes_only_what_it_names_and_data_root_is_relative_to_the_spec()
    {
        using var dir = new TempFolder();
        dir.Write("base.json", MinimalBase);
        var over = dir.Write("sub/exp.json", """
            { "base": "../base.json", "name": "exp",
              "models": { "charbert": { "pretrained": "m" },
                          "cnn": { "kind": "charbert", "pretrained": "m", "pretrain": true, "nlm": false, "config": { "char_encoder": "cnn" } } },
              "seeds": [7] }
            """);
        var spec = SpecLoader.Load(over);
        Assert.That(spec.Name, Is.EqualTo("exp"));
        Assert.That(spec.Models.Keys, Is.EqualTo(new[] { "charbert", "cnn" }));
        Assert.That(spec.Models["charbert"].Config["fusion"]!.GetValue<string>(), Is.EqualTo("conv"), "kept from base");
        Assert.That(spec.Seeds, Is.EqualTo(new[] { 7 }));
        Assert.That(spec.DataRoot, Is.EqualTo(Path.Combine(dir.Path, "sub", "data")));
        Assert.That(GridCell.Expand(spec).Select(c => c.Key.ToString()), Is.EqualTo(new[] { "charbert/seed-7/ner", "cnn/seed-7/ner" }));
    }

    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m", "config": { "fusion": "concat" } } } }""",
        "$.models.charbert.config.fusion")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m", "kind": "gpt" } } }""",
        "$.models.charbert.kind")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m" } }, "trainig": {} }""",
        "trainig")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m" } }, "seeds": [] }""",
        "$.seeds")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m" } }, "attacks": { "recipes": { "drop": { "rates": [1.5] } } } }""",
        "$.attacks.recipes.drop.rates")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m", "augment_recipe": "charbert2020" } } }""",
        "$.models.charbert.augment_recipe")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m", "kind": "advbert", "augment_probability": 1.5 } } }""",
        "$.models.charbert.augment_probability")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m", "kind": "advbert", "augment_recipe": "typos" } } }""",
        "$.models.charbert.augment_recipe")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m", "word_recognizer": {} } } }""",
        "$.models.charbert.word_recognizer")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m", "kind": "bert+wordrec", "word_recognizer": { "noise": ["swap", "typo"] } } } }""",
        "$.models.charbert.word_recognizer.noise")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m", "kind": "bert+wordrec", "word_recognizer": { "backoff": "skip" } } } }""",
        "$.models.charbert.word_recognizer.backoff")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m", "kind": "bert+wordrec", "word_recognizer": { "epochs": 0 } } } }""",
        "$.models.charbert.word_recognizer.epochs")]
    [TestCase("""{ "base": "base.json", "name": "x", "models": { "charbert": { "pretrained": "m" } }, "attacks": { "recipes": { "drop": { "recipe": "typos" } } } }""",
        "$.attacks.recipes.drop.recipe")]
    public void Bad_values_fail_naming_the_key(string overrideJson, string expectedKey)
    {
        using var dir = new TempFolder();
        dir.Write("base.json", MinimalBase);
        var over = dir.Write("exp.json", overrideJson);
        var e = Assert.Throws<DataFormatException>(() => SpecLoader.Load(over))!;
        Assert.That(e.Message, Does.Contain(expectedKey));
        Assert.That(e.FilePath, Is.EqualTo(over));
    }

    [Test]
    public void Invalid_json_names_the_line()
    {
        using var dir = new TempFolder();
        var path = dir.Write("bad.json", "{\n  \"name\": \"x\",\n  \"seeds\": [1,\n}\n");
        var e = Assert.Throws<DataFormatException>(() => SpecLoader.Load(path))!;
        Assert.That(e.Line, Is.GreaterThan(1));
    }

    [Test]
    public void A_base_cycle_is_reported()
    {
        using var dir = new TempFolder();
        dir.Write("a.json", """{ "base": "b.json" }""");
        var b = dir.Write("b.json", """{ "base": "a.json" }""");
        Assert.That(() => SpecLoader.Load(b), Throws.TypeOf<DataFormatException>().With.Message.Contains("cycle"));
    }

    static string RepoSpec(string name) => Path.Combine(SharedPaths.RepoRoot, "experiments", name);

    [Test]
    public void Repository_base_spec_alone_demands_a_name() =>
        Assert.That(() => SpecLoader.Load(RepoSpec("base.json")),
            Throws.TypeOf<DataFormatException>().With.Message.Contains("$.name"));

    [Test]
    public void Repository_paper_ablation_spec_covers_the_variants_and_baselines()
    {
        var spec = SpecLoader.Load(RepoSpec("paper-ablation.json"));
        Assert.That(spec.Models.Keys, Is.SupersetOf(new[]
        {
            "charbert", "bert", "advbert", "bert+wordrec", "charbert-no-char", "charbert-fusion-per-layer",
            "charbert-fusion-sum", "charbert-no-fusion", "charbert-cnn", "charbert-no-nlm",
        }));
        Assert.That(spec.Models["charbert-no-nlm"].Nlm, Is.False);
        Assert.That(spec.Models["charbert-cnn"].Config["char_encoder"]!.GetValue<string>(), Is.EqualTo("cnn"));
        Assert.That((spec.Models["advbert"].AugmentRecipe, spec.Models["advbert"].AugmentProbability), Is.EqualTo(("charbert2020", 0.5)));
        var wordRec = spec.Models["bert+wordrec"].WordRecognizer!.ToOptions(seed: 3);
        Assert.That((wordRec.Epochs, wordRec.NoiseTypes.Count, wordRec.Seed), Is.EqualTo((10, 4, 3)));
        Assert.That(spec.Models.Values.Select(VariantModels.KindOf).Distinct(), Is.EquivalentTo(new[] { ModelKind.CharBert, ModelKind.Bert }),
            "every kind the spec names can run in the grid");
        Assert.That(spec.Tasks.Keys, Is.EquivalentTo(new[] { "ner", "qnli" }));
        Assert.That(GridCell.Expand(spec), Has.Count.EqualTo(spec.Models.Count * spec.Seeds.Count * spec.Tasks.Count));
    }

    [Test]
    public void Repository_demo_spec_is_the_study_charbert_demo_runs()
    {
        var fromFile = SpecLoader.Load(RepoSpec("demo.json"));
        var inCode = DemoStudy.Spec(fromFile.DataRoot, DemoScale.Pretrained(1), "cpu");
        Assert.That(SpecLoader.ToJson(fromFile), Is.EqualTo(SpecLoader.ToJson(inCode)));
        Assert.That(fromFile.Tasks.Keys, Is.EquivalentTo(new[] { "pos-brown", "spam" }));
        Assert.That(fromFile.Models.Keys, Is.EqualTo(new[] { "bert", "advbert", "charbert" }), "the paper's three-way comparison");
        Assert.That(fromFile.Seeds, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(GridCell.Expand(fromFile), Has.Count.EqualTo(3 * fromFile.Seeds.Count * 2));
    }

    [Test]
    public void Repository_scratch_demo_spec_is_the_study_charbert_demo_from_scratch_runs()
    {
        var fromFile = SpecLoader.Load(RepoSpec("demo-scratch.json"));
        var inCode = DemoStudy.ScratchSpec(fromFile.DataRoot, DemoScale.Scratch(1), "cpu");
        Assert.That(SpecLoader.ToJson(fromFile), Is.EqualTo(SpecLoader.ToJson(inCode)));
        Assert.That(GridCell.Expand(fromFile), Has.Count.EqualTo(4));
    }
}
