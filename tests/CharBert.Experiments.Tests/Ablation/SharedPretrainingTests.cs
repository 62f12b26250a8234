using CharBert.Experiments.Ablation;
using CharBert.Experiments.Specs;
using CharBert.Text.IO;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Ablation;

public class SharedPretrainingTests
{
    const string Spec = """
        {
          "name": "grid", "data_root": ".",
          "models": {
            "bert": { "kind": "bert", "pretrained": "m", "pretrain": true, "nlm": false, "config": { "use_char_channel": false } },
            "advbert": { "kind": "advbert", "pretrained": "m", "pretrain": true, "nlm": false, "config": { "use_char_channel": false },
                         "shares_pretraining_with": "bert" },
            "charbert": { "kind": "charbert", "pretrained": "m", "pretrain": true, "nlm": true, "config": {},
                          "adaptation": { "nlm_probability": 0.3, "frozen_steps": 5 } }
          },
          "tasks": { "pos": { "kind": "pos", "name": "brown", "train": "t", "dev": "d", "test": "e", "metric": "accuracy" } },
          "training": { "pretrain_steps": 10, "finetune_epochs": 1, "batch_size": 2, "learning_rate": 0.1, "max_seq_length": 8, "device": "cpu",
                        "pretrain_seed": 7, "nlm_probability": 0.15 },
          "attacks": { "seed": 1, "recipes": { "charbert2020": { "recipe": "charbert2020", "types": [], "rates": [1.0] } } },
          "sensitivity": { "layer": -1, "pooling": "first", "channel": "concat" },
          "seeds": [1, 2]
        }
        """;

    [Test]
    public void One_adaptation_per_variant_serves_every_seed_and_a_sharing_variant_uses_the_others()
    {
        using var dir = new TempFolder();
        var spec = SpecLoader.Load(dir.Write("grid.json", Spec));
        var plans = GridCell.Expand(spec).ToDictionary(c => c.Key.ToString(), c => PretrainPlan.For(spec, c, "R"));
        Assert.That(plans["bert/seed-1/pos"], Is.EqualTo(plans["bert/seed-2/pos"]), "seeds share the adaptation");
        Assert.That(plans["advbert/seed-2/pos"].Directory, Is.EqualTo(plans["bert/seed-1/pos"].Directory));
        Assert.That((plans["advbert/seed-2/pos"].Variant, plans["advbert/seed-2/pos"].Seed), Is.EqualTo(("bert", 7)));
        Assert.That(plans["charbert/seed-1/pos"].Directory, Is.EqualTo(Path.Combine("R", "runs", "charbert", "pretrain")));
        var perSeed = spec with { Training = spec.Training with { PretrainSeed = null } };
        Assert.That(PretrainPlan.For(perSeed, GridCell.Expand(perSeed)[1], "R").Directory, Is.EqualTo(Path.Combine("R", "runs", "bert", "seed-2", "pretrain")));

        var charbert = spec.Models["charbert"].Adaptation!.ApplyTo(spec.Training);
        Assert.That((charbert.NlmProbability, charbert.FrozenSteps, charbert.PretrainSteps), Is.EqualTo(((double?)0.3, (int?)5, 10)));
    }

    [TestCase("\"shares_pretraining_with\": \"nobody\"", "$.models.advbert.shares_pretraining_with")]
    [TestCase("\"shares_pretraining_with\": \"charbert\"", "cannot start from the pre-trained model of 'charbert'")]
    [TestCase("\"shares_pretraining_with\": \"bert\", \"adaptation\": { \"nlm_probability\": 0.2 }", "$.models.advbert.adaptation")]
    public void Invalid_sharing_is_reported_with_its_key(string advbert, string expected)
    {
        using var dir = new TempFolder();
        var text = Spec.Replace("\"shares_pretraining_with\": \"bert\" }", advbert + " }");
        var error = Assert.Throws<DataFormatException>(() => SpecLoader.Load(dir.Write("grid.json", text)))!;
        Assert.That(error.Message, Does.Contain(expected));
    }

    [Test]
    public void Frozen_steps_must_leave_adaptation_to_do()
    {
        using var dir = new TempFolder();
        var error = Assert.Throws<DataFormatException>(() => SpecLoader.Load(dir.Write("grid.json", Spec.Replace("\"frozen_steps\": 5", "\"frozen_steps\": 10"))))!;
        Assert.That(error.Message, Does.Contain("$.models.charbert.adaptation.frozen_steps"));
    }
}
