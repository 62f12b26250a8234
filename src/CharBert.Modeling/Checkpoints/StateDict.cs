using System.Collections;
using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints;

/// <summary>How a checkpoint file was stored (told by its content, not its name).</summary>
public enum CheckpointFormat
{
    /// <summary>safetensors: 8-byte header length, JSON header, raw data.</summary>
    Safetensors,
    /// <summary>torch.save since PyTorch 1.6: a zip archive with data.pkl and one entry per storage.</summary>
    TorchZip,
    /// <summary>torch.save up to PyTorch 1.5 (or _use_new_zipfile_serialization=False): consecutive pickles, then raw storages.</summary>
    TorchLegacy,
    /// <summary>Hugging Face's sharded checkpoints: model.safetensors.index.json / pytorch_model.bin.index.json (weight_map).</summary>
    ShardIndex,
}

/// <summary>A checkpoint's tensors by name, owned by this object (they belong to no dispose scope): dispose it to free
/// them. Tensors may be views sharing storage (e.g. tied weights in a .bin file).</summary>
public sealed class StateDict : IReadOnlyDictionary<string, Tensor>, IDisposable
{
    private readonly Dictionary<string, Tensor> tensors;

    public StateDict(string source, CheckpointFormat format, Dictionary<string, Tensor> tensors)
    {
        Source = source;
        Format = format;
        this.tensors = tensors;
    }

    /// <summary>The file the tensors came from (the index file for a sharded checkpoint).</summary>
    public string Source { get; }
    public CheckpointFormat Format { get; }

    public Tensor this[string key] => tensors[key];
    public IEnumerable<string> Keys => tensors.Keys;
    public IEnumerable<Tensor> Values => tensors.Values;
    public int Count => tensors.Count;
    public bool ContainsKey(string key) => tensors.ContainsKey(key);
    public bool TryGetValue(string key, out Tensor value) => tensors.TryGetValue(key, out value!);
    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator() => tensors.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The shape of a tensor, or null when the checkpoint has no such key.</summary>
    public long[]? ShapeOf(string key) => tensors.TryGetValue(key, out var t) ? t.shape : null;

    public void Dispose()
    {
        foreach (var tensor in tensors.Values) tensor.Dispose();
        tensors.Clear();
    }
}
