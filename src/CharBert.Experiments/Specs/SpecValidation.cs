using System.Text.Json;
using CharBert.Text.IO;

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
        }
        foreach (var (name, task) in spec.Tasks)
            Require(TaskKinds.Contains(task.Kind), $"$.tasks.{name}.kind", $"'{task.Kind}' is not one of {string.Join(", ", TaskKinds)}");
        foreach (var (name, attack) in spec.Attacks.Recipes)
        {
            Require(attack.Rates.Count > 0, $"$.attacks.recipes.{name}.rates", "at least one rate is needed");
            Require(attack.Rates.All(r => r is > 0 and <= 1), $"$.attacks.recipes.{name}.rates", "rates must lie in (0, 1]");
        }
        Require(Poolings.Contains(spec.Sensitivity.Pooling), "$.sensitivity.pooling", $"must be one of {string.Join(", ", Poolings)}");
        Require(Channels.Contains(spec.Sensitivity.Channel), "$.sensitivity.channel", $"must be one of {string.Join(", ", Channels)}");
        Require(spec.Training.BatchSize > 0, "$.training.batch_size", "must be positive");
    }
}
