using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints.Torch;

/// <summary>PyTorch's legacy storage class names (torch.FloatStorage, ...), as pickled in both .bin formats, and the
/// element types they hold.</summary>
public static class TorchStorageTypes
{
    private static readonly Dictionary<string, ScalarType> ByName = new()
    {
        ["DoubleStorage"] = ScalarType.Float64, ["FloatStorage"] = ScalarType.Float32, ["HalfStorage"] = ScalarType.Float16,
        ["BFloat16Storage"] = ScalarType.BFloat16, ["LongStorage"] = ScalarType.Int64, ["IntStorage"] = ScalarType.Int32,
        ["ShortStorage"] = ScalarType.Int16, ["CharStorage"] = ScalarType.Int8, ["ByteStorage"] = ScalarType.Byte,
        ["BoolStorage"] = ScalarType.Bool,
    };

    public static bool TryParse(string name, out ScalarType type) => ByName.TryGetValue(name, out type);

    public static string NameOf(ScalarType type) =>
        ByName.FirstOrDefault(p => p.Value == type).Key ?? throw new ArgumentException($"no PyTorch storage type holds {type}");

    public static int ElementSize(ScalarType type) => type switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Int16 => 2,
        ScalarType.Int8 or ScalarType.Byte or ScalarType.Bool => 1,
        _ => throw new ArgumentException($"no PyTorch storage type holds {type}"),
    };
}
