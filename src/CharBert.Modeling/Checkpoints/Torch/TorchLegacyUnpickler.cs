using System.Runtime.CompilerServices;
using CharBert.Text.IO;
using Razorvine.Pickle;
using Razorvine.Pickle.Objects;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints.Torch;

/// <summary>A storage named by a legacy pickle's persistent id ('storage', type, key, location, numel, view): the root
/// storage <see cref="Key"/> of <see cref="Numel"/> elements, seen from element <see cref="ViewOffset"/> on.</summary>
internal sealed record LegacyStorage(string Key, ScalarType DType, long Numel, long ViewOffset);

/// <summary>torch._utils._rebuild_tensor(_v2)(storage, storage_offset, size, stride, ...): a view into a storage.</summary>
internal sealed record LegacyTensor(LegacyStorage Storage, long Offset, long[] Size, long[] Stride);

/// <summary>Unpickles the objects of a legacy torch.save file. Tensors come back as <see cref="LegacyTensor"/>
/// descriptors (the storages' bytes follow the pickles), storages are collected in <see cref="Storages"/>.</summary>
internal sealed class TorchLegacyUnpickler(string path) : Unpickler
{
    private static readonly string[] RebuildFunctions = ["_rebuild_tensor", "_rebuild_tensor_v2", "_rebuild_parameter"];

    /// <summary>Razorvine keeps class constructors in one process-wide table, in which TorchSharp.PyBridge registers its
    /// own torch._utils rebuild functions (they expect its zip-entry storages) when first used. PyBridge registers
    /// first; ours then take the calls whose first argument is a legacy storage and pass every other call on to it.</summary>
    static TorchLegacyUnpickler()
    {
        RuntimeHelpers.RunClassConstructor(typeof(PyTorchUnpickler).TypeHandle);
        foreach (var name in RebuildFunctions)
        {
            var key = "torch._utils." + name;
            objectConstructors.TryGetValue(key, out var previous);
            objectConstructors[key] = new LegacyOrPrevious(previous);
        }
    }

    public Dictionary<string, LegacyStorage> Storages { get; } = new();

    protected override object persistentLoad(object pid)
    {
        if (pid is not object[] { Length: > 0 } fields || fields[0] is not string typename)
            throw new DataFormatException(path, 0, "unknown persistent id in the pickle (not torch.save's)");
        if (typename == "module")
            throw new DataFormatException(path, 0, $"holds a whole pickled model (class {(fields.Length > 1 && fields[1] is ClassDictConstructor c ? $"{c.module}.{c.name}" : "?")}, " +
                $"saved with torch.save(model)), not a state dict: {TorchPickleRoot.ResaveHint}");
        if (typename != "storage" || fields.Length < 5)
            throw new DataFormatException(path, 0, $"unknown persistent id '{typename}' in the pickle (not torch.save's)");
        var typeName = fields[1] is ClassDictConstructor type ? type.name : fields[1]?.ToString() ?? "?";
        if (!TorchStorageTypes.TryParse(typeName, out var dtype))
            throw new DataFormatException(path, 0, $"unsupported storage type torch.{typeName}");
        var key = (string)fields[2];
        var numel = Convert.ToInt64(fields[4]);
        if (Storages.TryGetValue(key, out var known) && (known.DType != dtype || known.Numel != numel))
            throw new DataFormatException(path, 0, $"storage {key} is described twice with different types or sizes");
        Storages[key] = new LegacyStorage(key, dtype, numel, 0);
        // PyTorch <= 1.5 could pickle a view of a storage: (view_key, offset, size) in elements
        return fields.Length > 5 && fields[5] is object[] { Length: 3 } view
            ? new LegacyStorage(key, dtype, numel, Convert.ToInt64(view[1]))
            : Storages[key];
    }

    private sealed class LegacyOrPrevious(IObjectConstructor? previous) : IObjectConstructor
    {
        public object construct(object[] args) => args is [LegacyStorage storage, var offset, object[] size, object[] stride, ..]
            ? new LegacyTensor(storage, Convert.ToInt64(offset), size.Select(Convert.ToInt64).ToArray(), stride.Select(Convert.ToInt64).ToArray())
            : args is [LegacyTensor parameter, ..] ? parameter // _rebuild_parameter(data, requires_grad, hooks): a Parameter in a dict
            : previous?.construct(args) ?? throw new PickleException("expected zero arguments for construction of ClassDict (for torch._utils.rebuild)");
    }
}
