using System.Text.Json.Nodes;
using CharBert.Experiments.Specs;
using CharBert.Modeling;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Pretrained;
using CharBert.Text.IO;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>How a spec's model variant maps onto the training library: its model kind, and its config.json: the
/// scratch preset (<c>pretrained: "scratch:&lt;preset or config.json&gt;"</c>) or the pretrained directory's config.json,
/// with the variant's switches applied.</summary>
public static class VariantModels
{
    /// <summary>advbert and bert+wordrec are the BERT baseline trained or used differently.</summary>
    public static ModelKind KindOf(ModelSpec model) => model.Kind switch
    {
        ModelSpec.CharBert => ModelKind.CharBert,
        ModelSpec.Bert or ModelSpec.AdvBert or ModelSpec.BertWordRec => ModelKind.Bert,
        _ => throw new NotSupportedException($"model kind '{model.Kind}' is not one of {string.Join(", ", ModelSpec.Kinds)}"),
    };

    public static bool IsScratch(ModelSpec model) => model.Pretrained.StartsWith(ExperimentSpec.ScratchPrefix, StringComparison.Ordinal);

    /// <summary>Writes the variant's config (its preset or pretrained directory's config.json + its switches) to
    /// <paramref name="path"/>. From a pretrained directory the switches may only change what the checkpoint's weights
    /// can serve (ablation switches such as use_char_channel or fusion); changing a size such as hidden_size is an error.</summary>
    public static string WriteConfig(string variant, ModelSpec model, string dataRoot, string path)
    {
        var origin = IsScratch(model) ? model.Pretrained[ExperimentSpec.ScratchPrefix.Length..] : PretrainedDirectory(model, dataRoot);
        if (IsScratch(model) && File.Exists(Path.Combine(dataRoot, origin))) origin = Path.GetFullPath(Path.Combine(dataRoot, origin));
        var original = CharBertConfig.FromPresetOrPath(origin);
        var node = JsonNode.Parse(original.ToJson())!.AsObject();
        foreach (var (key, value) in model.Config) node[key] = value?.DeepClone();
        var config = CharBertConfig.FromJson(node.ToJsonString(), $"{model.Pretrained} + the switches of model variant '{variant}'");
        if (!IsScratch(model) && PretrainedCheckpoints.TransformerDifferences(original, config) is { Count: > 0 } differences)
            throw new DataFormatException(Path.Combine(origin, ModelDirectory.ConfigFile), 0,
                $"model variant '{variant}' starts from this checkpoint, whose weights cannot serve its config switches " + string.Join(", ", differences));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        config.Save(path);
        return path;
    }

    /// <summary>A non-scratch model's "pretrained": a directory under the spec's data root, or a built-in model's name.</summary>
    public static string PretrainedDirectory(ModelSpec model, string dataRoot) => ModelSource.Resolve(model.Pretrained, dataRoot, Console.Error.WriteLine);

    public static string RequireVocab(ExperimentSpec spec, CellContext context) =>
        spec.Vocab is { } vocab ? context.DataPath(vocab)
            : throw new ArgumentException("a model with pretrained \"scratch:...\" needs the spec's \"vocab\" folder (vocab.txt, bert_char_vocab, term_vocab)");
}
