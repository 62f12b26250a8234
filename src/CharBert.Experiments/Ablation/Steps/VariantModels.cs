using System.Text.Json.Nodes;
using CharBert.Experiments.Specs;
using CharBert.Modeling;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>How a spec's model variant maps onto the training library: its model kind, and, for a variant
/// trained from scratch (<c>pretrained: "scratch:&lt;preset or config.json&gt;"</c>), the config.json with the
/// variant's switches applied.</summary>
public static class VariantModels
{
    public static ModelKind KindOf(ModelSpec model) => model.Kind switch
    {
        "charbert" => ModelKind.CharBert,
        "bert" => ModelKind.Bert,
        _ => throw new NotSupportedException(
            $"model kind '{model.Kind}' cannot run in the ablation grid yet: advbert needs noise-augmented fine-tuning and " +
            "bert+wordrec a trained word recogniser wired into the steps; use `charbert train-wordrec` and `charbert evaluate --word-recognizer` by hand"),
    };

    public static bool IsScratch(ModelSpec model) => model.Pretrained.StartsWith(ExperimentSpec.ScratchPrefix, StringComparison.Ordinal);

    /// <summary>Writes the variant's from-scratch config (preset + switches) to <paramref name="path"/>; null when
    /// the variant starts from a pretrained directory.</summary>
    public static string? WriteScratchConfig(ModelSpec model, string dataRoot, string path)
    {
        if (!IsScratch(model)) return null;
        var preset = model.Pretrained[ExperimentSpec.ScratchPrefix.Length..];
        if (File.Exists(Path.Combine(dataRoot, preset))) preset = Path.Combine(dataRoot, preset);
        var node = JsonNode.Parse(CharBertConfig.FromPresetOrPath(preset).ToJson())!.AsObject();
        foreach (var (key, value) in model.Config) node[key] = value?.DeepClone();
        var config = CharBertConfig.FromJson(node.ToJsonString(), $"{model.Pretrained} + variant switches");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        config.Save(path);
        return path;
    }

    public static string RequireVocab(ExperimentSpec spec, CellContext context) =>
        spec.Vocab is { } vocab ? context.DataPath(vocab)
            : throw new ArgumentException("a model with pretrained \"scratch:...\" needs the spec's \"vocab\" folder (vocab.txt, bert_char_vocab, term_vocab)");
}
