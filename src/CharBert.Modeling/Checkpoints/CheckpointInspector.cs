using System.Text.Json.Nodes;
using CharBert.Modeling.Heads;
using CharBert.Text.IO;

namespace CharBert.Modeling.Checkpoints;

/// <summary>What a model directory without task.json holds (the original code's and Hugging Face's directories:
/// config.json + weights), told from the weights' keys and shapes and from config.json's "architectures" and
/// "finetuning_task" when they are there.</summary>
public static class CheckpointInspector
{
    private const string CharEmbeddingKey = "bert.char_embeddings.char_embeddings.weight";
    private const string TermDecoderKey = "cls.predictions.adv_decoder.weight";
    private const string ClassifierKey = "classifier.weight";
    private static readonly string[] TokenTasks = ["ner", "pos", "chunk", "conll", "conll2003"];

    /// <summary>config.json's values, with the sizes it does not state taken from the weights: the original writes no
    /// char_vocab_size / char_embedding_size / term_vocab_size (they are constants of its code), and shares one fusion
    /// conv unless the checkpoint's per-layer convs differ.</summary>
    public static CharBertConfig CompleteConfig(CharBertConfig config, JsonObject stated, IReadOnlyDictionary<string, TorchSharp.torch.Tensor> weights)
    {
        if (weights.TryGetValue(CharEmbeddingKey, out var chars) && chars.shape.Length == 2)
        {
            if (!stated.ContainsKey("char_vocab_size")) config = config with { CharVocabSize = (int)chars.shape[0] };
            if (!stated.ContainsKey("char_embedding_size")) config = config with { CharEmbeddingSize = (int)chars.shape[1] };
        }
        if (!stated.ContainsKey("term_vocab_size") && weights.TryGetValue(TermDecoderKey, out var terms) && terms.shape.Length == 2)
            config = config with { TermVocabSize = (int)terms.shape[0] };
        if (!stated.ContainsKey("fusion_sharing") && FusionConvsDiffer(weights))
            config = config with { FusionSharing = FusionSharing.PerLayer };
        return config;
    }

    private static bool FusionConvsDiffer(IReadOnlyDictionary<string, TorchSharp.torch.Tensor> weights)
    {
        const string prefix = "bert.encoder.fusion_layer_list.";
        if (!weights.TryGetValue(prefix + "0.weight", out var first)) return false;
        using var scope = TorchSharp.torch.NewDisposeScope();
        return weights.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Key.EndsWith(".weight", StringComparison.Ordinal))
            .Any(p => !p.Value.shape.SequenceEqual(first.shape) || !p.Value.eq(first).all().item<bool>());
    }

    /// <summary>The encoder and head the weights hold. A classifier of the same shape serves token and sequence
    /// classification: config.json's "architectures" or "finetuning_task" decide, else <paramref name="classifierHint"/>
    /// (e.g. from the rank of the logits a caller expects), else it is an error saying what to add.</summary>
    public static TaskInfo InferTask(IReadOnlyDictionary<string, TorchSharp.torch.Tensor> weights, JsonObject stated, string source, TaskHeadKind? classifierHint = null)
    {
        var kind = weights.Keys.Any(k => k.StartsWith("bert.char_embeddings.", StringComparison.Ordinal)) ? ModelKind.CharBert : ModelKind.Bert;
        var labels = Labels(stated);
        if (weights.ContainsKey("qa_outputs.weight"))
            return new TaskInfo { ModelKind = kind, Head = TaskHeadKind.QuestionAnswering, NumLabels = 2 };
        if (weights.Keys.Any(k => k.StartsWith("cls.predictions.", StringComparison.Ordinal)))
            return new TaskInfo { ModelKind = kind, Head = TaskHeadKind.PreTraining, NumLabels = 0 };
        if (weights.TryGetValue(ClassifierKey, out var classifier) && classifier.shape.Length == 2)
        {
            var head = ClassifierHead(stated) ?? classifierHint ?? throw new DataFormatException(source, 0,
                $"cannot tell whether {ClassifierKey} [{string.Join(",", classifier.shape)}] is a token- or a sequence-classification head: " +
                "add \"architectures\": [\"BertForTokenClassification\"] (or ...ForSequenceClassification) to config.json, or a task.json");
            return new TaskInfo { ModelKind = kind, Head = head, NumLabels = (int)classifier.shape[0], Labels = labels?.Count == classifier.shape[0] ? labels : null };
        }
        throw new DataFormatException(source, 0, "holds an encoder without a task head (no classifier, qa_outputs or cls.predictions weights): " +
            "fine-tune it first (finetune --model DIR), or start pre-training from it (pretrain --init-from DIR)");
    }

    private static TaskHeadKind? ClassifierHead(JsonObject stated)
    {
        var architectures = stated["architectures"] is JsonArray a ? a.Select(n => n?.GetValue<string>() ?? "").ToList() : [];
        if (architectures.Any(n => n.EndsWith("ForTokenClassification", StringComparison.Ordinal))) return TaskHeadKind.TokenClassification;
        if (architectures.Any(n => n.EndsWith("ForSequenceClassification", StringComparison.Ordinal))) return TaskHeadKind.SequenceClassification;
        return stated["finetuning_task"] is JsonValue v && v.TryGetValue<string>(out var task) && task.Length > 0
            ? TokenTasks.Contains(task.ToLowerInvariant()) ? TaskHeadKind.TokenClassification : TaskHeadKind.SequenceClassification
            : null;
    }

    /// <summary>id2label in label-id order, when config.json names every id from 0.</summary>
    private static IReadOnlyList<string>? Labels(JsonObject stated)
    {
        if (stated["id2label"] is not JsonObject map) return null;
        var byId = new SortedDictionary<int, string>();
        foreach (var (id, label) in map)
            if (int.TryParse(id, out var i) && label is JsonValue v && v.TryGetValue<string>(out var name)) byId[i] = name;
        return byId.Count == map.Count && byId.Keys.SequenceEqual(Enumerable.Range(0, byId.Count)) ? byId.Values.ToList() : null;
    }
}
