using System.Text.Json;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO;
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
        }
        foreach (var (name, task) in spec.Tasks)
            Require(TaskKinds.Contains(task.Kind), $"$.tasks.{name}.kind", $"'{task.Kind}' is not one of {string.Join(", ", TaskKinds)}");
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
