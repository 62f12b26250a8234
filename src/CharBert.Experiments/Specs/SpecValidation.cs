using System.Text.Json;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO;
using CharBert.Text.IO.Tsv;
using CharBert.Training.WordRecognition;

namespace CharBert.Experiments.Specs;

/// <summary>Checks the values a JSON schema cannot (allowed names, ranges) and names the offending key.</summary>
static class SpecValidation
{
    static readonly Dictionary<string, string[]> ConfigSwitches = new()
    {
        ["fusion_sharing"] = ["shared", "per_layer"],
        ["fusion"] = ["conv", "sum", "none"],
        ["char_encoder"] = ["bigru", "cnn"],
    };
    static readonly string[] TaskKinds = ["ner", "pos", "glue"];
    static readonly string[] Poolings = ["first", "mean"];
    static readonly string[] Channels = ["token", "char", "concat"];

    public static void Check(ExperimentSpec spec, string file)
    {
        void Require(bool ok, string key, string problem)
        {
            if (!ok) throw new DataFormatException(file, key, problem);
        }

        Require(spec.Models.Count > 0, "$.models", "at least one model is needed");
        Require(spec.Tasks.Count > 0, "$.tasks", "at least one task is needed");
        Require(spec.Seeds.Count > 0, "$.seeds", "at least one seed is needed");
        Require(spec.Seeds.Distinct().Count() == spec.Seeds.Count, "$.seeds", "seeds must be distinct");
        foreach (var (name, model) in spec.Models)
        {
            Require(ModelSpec.Kinds.Contains(model.Kind), $"$.models.{name}.kind",
                $"'{model.Kind}' is not one of {string.Join(", ", ModelSpec.Kinds)}");
            foreach (var (key, allowed) in ConfigSwitches)
                if (model.Config[key] is { } value)
                    Require(value.GetValueKind() == JsonValueKind.String && allowed.Contains(value.GetValue<string>()),
                        $"$.models.{name}.config.{key}", $"'{value.ToJsonString()}' is not one of {string.Join(", ", allowed)}");
            if (model.Config["use_char_channel"] is { } useChar)
                Require(useChar.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
                    $"$.models.{name}.config.use_char_channel", "must be true or false");
            CheckBaselineFields(name, model, Require);
            CheckSharedPretraining(spec, name, model, Require);
            if (model.Adaptation is { } adaptation)
            {
                Require(model.SharesPretrainingWith is null, $"$.models.{name}.adaptation", "a variant that shares another's pre-training has no adaptation of its own");
                CheckPretraining(adaptation.ApplyTo(spec.Training), (ok, key, problem) => Require(ok, key.Replace("$.training", $"$.models.{name}.adaptation"), problem));
            }
        }
        foreach (var (name, task) in spec.Tasks)
        {
            Require(TaskKinds.Contains(task.Kind), $"$.tasks.{name}.kind", $"'{task.Kind}' is not one of {string.Join(", ", TaskKinds)}");
            Require(task.Kind != "glue" || GlueLayouts.Find(task.Name) is not null, $"$.tasks.{name}.name", $"'{task.Name}' is not a GLUE task ({GlueLayouts.Names})");
            Require(task.MaxSeqLength is null or >= 3, $"$.tasks.{name}.max_seq_length", $"must be at least 3 (got {task.MaxSeqLength})");
            foreach (var (extra, test) in task.ExtraTests ?? new Dictionary<string, ExtraTestSpec>())
            {
                Require(extra is not ("clean" or "none") && !spec.Attacks.Recipes.ContainsKey(extra) && !extra.Contains('@'), $"$.tasks.{name}.extra_tests.{extra}",
                    "an extra test set needs a name of its own (not clean, none, an attack's name, or with '@')");
                Require(!test.LenientColumns || task.Kind is "ner" or "pos", $"$.tasks.{name}.extra_tests.{extra}.lenient_columns",
                    "lenient column reading applies to CoNLL files (ner, pos)");
            }
        }
        foreach (var (name, attack) in spec.Attacks.Recipes)
        {
            Require(RecipeCatalog.Names.Contains(attack.Recipe), $"$.attacks.recipes.{name}.recipe",
                $"'{attack.Recipe}' is not one of {string.Join(", ", RecipeCatalog.Names)}");
            Require(attack.Rates.Count > 0, $"$.attacks.recipes.{name}.rates", "at least one rate is needed");
            Require(attack.Rates.All(r => r is > 0 and <= 1), $"$.attacks.recipes.{name}.rates", "rates must lie in (0, 1]");
        }
        Require(Poolings.Contains(spec.Sensitivity.Pooling), "$.sensitivity.pooling", $"must be one of {string.Join(", ", Poolings)}");
        Require(Channels.Contains(spec.Sensitivity.Channel), "$.sensitivity.channel", $"must be one of {string.Join(", ", Channels)}");
        Require(spec.Training.BatchSize > 0, "$.training.batch_size", "must be positive");
        foreach (var (name, attack) in spec.Attacks.Recipes)
            Require(attack.Seeds is null || attack.Seeds.All(spec.Seeds.Contains), $"$.attacks.recipes.{name}.seeds", "must be seeds of the spec's \"seeds\"");
        Require(spec.Sensitivity.Seeds is null || spec.Sensitivity.Seeds.All(spec.Seeds.Contains), "$.sensitivity.seeds", "must be seeds of the spec's \"seeds\"");
        CheckPretraining(spec.Training, Require);
    }

    static void CheckPretraining(TrainingSpec training, Action<bool, string, string> require)
    {
        foreach (var (key, value) in new[] { ("mlm_probability", training.MlmProbability), ("nlm_probability", training.NlmProbability) })
            require(value is null or >= 0 and <= 1, $"$.training.{key}", $"must lie in [0, 1] (got {value})");
        require(training.FreshLearningRate is null or > 0, "$.training.fresh_learning_rate", $"must be positive (got {training.FreshLearningRate})");
        require(training.PretrainBatchSize is null or > 0, "$.training.pretrain_batch_size", $"must be positive (got {training.PretrainBatchSize})");
        foreach (var (key, value) in new[] { ("fresh_warmup_steps", training.FreshWarmupSteps), ("pretrain_warmup_steps", training.PretrainWarmupSteps),
                     ("pretrain_checkpoint_every", training.PretrainCheckpointEvery) })
            require(value is null or >= 0, $"$.training.{key}", $"must be non-negative (got {value})");
        require(training.FrozenSteps is null or >= 0 && (training.FrozenSteps is null || training.PretrainSteps <= 0 || training.FrozenSteps < training.PretrainSteps),
            "$.training.frozen_steps", $"must be non-negative and fewer than pretrain_steps ({training.PretrainSteps}), or the pretrained weights never train");
    }

    /// <summary>shares_pretraining_with names another variant of the same model family that pre-trains its own model.</summary>
    static void CheckSharedPretraining(ExperimentSpec spec, string name, ModelSpec model, Action<bool, string, string> require)
    {
        if (model.SharesPretrainingWith is not { } owner) return;
        var key = $"$.models.{name}.shares_pretraining_with";
        require(owner != name && spec.Models.ContainsKey(owner), key, $"'{owner}' is not another model variant of this spec");
        var target = spec.Models[owner];
        require(target.SharesPretrainingWith is null, key, $"'{owner}' itself shares pre-training with '{target.SharesPretrainingWith}'; name that one");
        require(model.Pretrain && target.Pretrain, key, $"both '{name}' and '{owner}' must have \"pretrain\": true");
        require((model.Kind == ModelSpec.CharBert) == (target.Kind == ModelSpec.CharBert), key,
            $"'{name}' ({model.Kind}) cannot start from the pre-trained model of '{owner}' ({target.Kind})");
    }

    /// <summary>augment_* belong to advbert and word_recognizer to bert+wordrec; their values must make sense.</summary>
    static void CheckBaselineFields(string name, ModelSpec model, Action<bool, string, string> require)
    {
        var key = $"$.models.{name}";
        var isAdvBert = model.Kind == ModelSpec.AdvBert;
        require(isAdvBert || model.AugmentRecipe is null, $"{key}.augment_recipe", $"only {ModelSpec.AdvBert} models are fine-tuned on attacked copies (this one is {model.Kind})");
        require(isAdvBert || model.AugmentProbability is null, $"{key}.augment_probability", $"only {ModelSpec.AdvBert} models are fine-tuned on attacked copies (this one is {model.Kind})");
        if (model.AugmentRecipe is { } recipe)
            require(RecipeCatalog.Names.Contains(recipe), $"{key}.augment_recipe", $"'{recipe}' is not one of {string.Join(", ", RecipeCatalog.Names)}");
        if (model.AugmentProbability is { } probability)
            require(probability is > 0 and <= 1, $"{key}.augment_probability", $"must lie in (0, 1] (got {probability})");

        if (model.WordRecognizer is not { } wordRec) return;
        require(model.Kind == ModelSpec.BertWordRec, $"{key}.word_recognizer", $"only {ModelSpec.BertWordRec} models have a word recogniser (this one is {model.Kind})");
        foreach (var (field, value) in new[] { ("vocab_size", wordRec.VocabSize), ("epochs", wordRec.Epochs), ("batch_size", wordRec.BatchSize) })
            require(value is null or > 0, $"{key}.word_recognizer.{field}", $"must be positive (got {value})");
        var noiseNames = ScrnnNoiseTypes.All.Select(t => t.ToName()).ToList();
        foreach (var noise in wordRec.Noise ?? [])
            require(noiseNames.Contains(noise), $"{key}.word_recognizer.noise", $"'{noise}' is not one of {string.Join(", ", noiseNames)}");
        if (wordRec.Backoff is { } backoff)
            require(WordRecognizerSpec.Backoffs.ContainsKey(backoff), $"{key}.word_recognizer.backoff",
                $"'{backoff}' is not one of {string.Join(", ", WordRecognizerSpec.Backoffs.Keys)}");
    }
}
