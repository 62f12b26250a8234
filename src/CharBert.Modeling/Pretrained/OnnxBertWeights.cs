using System.Runtime.InteropServices;
using CharBert.Modeling.Modules;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace CharBert.Modeling.Pretrained;

/// <summary>The weights of a Hugging Face BertModel exported to ONNX by torch.onnx, under their Hugging Face names.
/// The exporter keeps the names of embeddings, biases and LayerNorms, and of Linear weights it uses through Gemm, but
/// stores the other Linear weights transposed ([in, out]) as anonymous MatMul inputs: each is named after the bias of
/// the Add that follows its MatMul (…query.bias → …query.weight) and transposed back to PyTorch's [out, in].</summary>
public static class OnnxBertWeights
{
    const string WeightSuffix = ".weight", BiasSuffix = ".bias";

    /// <summary>Float tensors by Hugging Face name; <paramref name="source"/> names the file in errors. Buffers
    /// (position_ids) and the graph's shape constants are left out. Call inside a dispose scope.</summary>
    public static Dictionary<string, Tensor> Extract(ModelProto model, string source)
    {
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var weights = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var initializer in graph.Initializer.Where(t => IsParameterName(t.Name)))
            weights[initializer.Name] = ToTensor(initializer, source);

        var consumers = graph.Node.SelectMany(node => node.Input.Select(input => (input, node))).ToLookup(p => p.input, p => p.node, StringComparer.Ordinal);
        foreach (var matMul in graph.Node.Where(n => n.OpType == "MatMul"))
        {
            var weightName = matMul.Input[1];
            if (!initializers.TryGetValue(weightName, out var stored) || IsParameterName(weightName)) continue; // activation x activation
            var output = matMul.Output[0];
            var bias = consumers[output].Where(n => n.OpType == "Add").SelectMany(n => n.Input).FirstOrDefault(i => i != output && i.EndsWith(BiasSuffix, StringComparison.Ordinal));
            if (bias is null || !initializers.ContainsKey(bias))
                throw new InvalidDataException($"{source}: the weight {weightName} of {matMul.OpType} node {matMul.Name} is not followed by an Add of a named bias, so it has no name");
            var name = bias[..^BiasSuffix.Length] + WeightSuffix;
            if (!weights.TryAdd(name, ToTensor(stored, source).t().contiguous()))
                throw new InvalidDataException($"{source}: two MatMul weights end in the bias {bias}");
        }
        foreach (var gemm in graph.Node.Where(n => n.OpType == "Gemm" && weights.ContainsKey(n.Input[1])))
            if (gemm.Attribute.FirstOrDefault(a => a.Name == "transB")?.I is not 1) // Gemm computes A·B (transB 0) or A·Bᵀ (transB 1, PyTorch's layout)
                weights[gemm.Input[1]] = weights[gemm.Input[1]].t().contiguous();
        return weights;
    }

    static bool IsParameterName(string name) =>
        name.EndsWith(WeightSuffix, StringComparison.Ordinal) || name.EndsWith(BiasSuffix, StringComparison.Ordinal);

    static Tensor ToTensor(TensorProto proto, string source)
    {
        if (proto.DataType != (int)TensorProto.Types.DataType.Float)
            throw new InvalidDataException($"{source}: initializer {proto.Name} is {(TensorProto.Types.DataType)proto.DataType}, expected Float");
        if (proto.DataLocation == TensorProto.Types.DataLocation.External)
            throw new InvalidDataException($"{source}: initializer {proto.Name} keeps its data in an external file, which is not supported");
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("reading ONNX raw tensor data needs a little-endian machine");
        var shape = proto.Dims.ToArray();
        var count = shape.Aggregate(1L, (a, b) => a * b);
        float[] values = proto.RawData.IsEmpty ? proto.FloatData.ToArray() : MemoryMarshal.Cast<byte, float>(proto.RawData.Span).ToArray();
        if (values.LongLength != count)
            throw new InvalidDataException($"{source}: initializer {proto.Name} holds {values.LongLength} values for shape [{string.Join(", ", shape)}]");
        return tensor(values, shape);
    }
}
