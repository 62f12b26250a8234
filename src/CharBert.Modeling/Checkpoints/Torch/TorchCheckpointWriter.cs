using System.IO.Compression;
using System.Text;
using CharBert.Text.IO;
using Razorvine.Pickle;
using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints.Torch;

/// <summary>A tensor as torch.save pickles it: a view (offset, size and stride in elements) into one of the file's
/// storages, which several tensors may share.</summary>
public sealed record TorchTensorView(string Name, int Storage, long Offset, long[] Size, long[] Stride)
{
    /// <summary>A whole storage seen as a contiguous tensor of <paramref name="size"/>.</summary>
    public static TorchTensorView Contiguous(string name, int storage, long[] size)
    {
        var stride = new long[size.Length];
        for (long i = size.Length - 1, s = 1; i >= 0; s *= size[i], i--) stride[i] = s;
        return new TorchTensorView(name, storage, 0, size, stride);
    }
}

/// <summary>Writes state dicts as torch.save does, in its zip format (PyTorch >= 1.6, entries stored uncompressed) or
/// its legacy format (<see cref="TorchLegacyCheckpoint"/>), with the same pickles (Razorvine.Pickle, protocol 2): a
/// dict of torch._utils._rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict()) calls whose storages are
/// persistent ids. For benchmarks and tests that need .bin files without Python; written atomically.</summary>
public static class TorchCheckpointWriter
{
    /// <summary>Each tensor in a storage of its own (a contiguous copy).</summary>
    public static void WriteZip(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors) =>
        Write(path, tensors, WriteZip);

    /// <inheritdoc cref="WriteZip(string, IEnumerable{KeyValuePair{string, Tensor}})"/>
    public static void WriteLegacy(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors) =>
        Write(path, tensors, WriteLegacy);

    /// <summary>Views into shared storages (1-D tensors), e.g. tied weights pickled once.</summary>
    public static void WriteZip(string path, IReadOnlyList<Tensor> storages, IReadOnlyList<TorchTensorView> views) =>
        AtomicFile.Write(path, stream =>
        {
            var prefix = Path.GetFileNameWithoutExtension(path) + "/";
            using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            void Entry(string name, Action<Stream> write)
            {
                using var entry = archive.CreateEntry(prefix + name, CompressionLevel.NoCompression).Open();
                write(entry);
            }
            Entry("data.pkl", s => s.Write(StateDictPickle(storages, views, legacy: false)));
            Entry("byteorder", s => s.Write("little"u8));
            for (var i = 0; i < storages.Count; i++) Entry($"data/{i}", s => TensorBytes.Write(s, storages[i]));
            Entry("version", s => s.Write("3\n"u8));
        });

    /// <inheritdoc cref="WriteZip(string, IReadOnlyList{Tensor}, IReadOnlyList{TorchTensorView})"/>
    public static void WriteLegacy(string path, IReadOnlyList<Tensor> storages, IReadOnlyList<TorchTensorView> views) =>
        AtomicFile.Write(path, stream =>
        {
            stream.Write(MagicNumberPickle());
            using var pickler = new Pickler();
            // Pickler.dump closes the stream it writes to: dumps, then write
            stream.Write(pickler.dumps(TorchLegacyCheckpoint.FormatVersion));
            stream.Write(pickler.dumps(new Dictionary<string, object>
            {
                ["protocol_version"] = TorchLegacyCheckpoint.FormatVersion, ["little_endian"] = true,
                ["type_sizes"] = new Dictionary<string, object> { ["short"] = 2, ["int"] = 4, ["long"] = 4 },
            }));
            stream.Write(StateDictPickle(storages, views, legacy: true));
            stream.Write(pickler.dumps(Enumerable.Range(0, storages.Count).Select(i => (object)i.ToString()).ToList()));
            foreach (var storage in storages)
            {
                stream.Write(BitConverter.GetBytes(storage.NumberOfElements));
                TensorBytes.Write(stream, storage);
            }
        });

    private static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, Action<string, IReadOnlyList<Tensor>, IReadOnlyList<TorchTensorView>> write)
    {
        var list = tensors.ToList();
        using var scope = NewDisposeScope();
        var storages = list.Select(p => p.Value.detach().contiguous().reshape(-1)).ToList();
        write(path, storages, list.Select((p, i) => TorchTensorView.Contiguous(p.Key, i, p.Value.shape)).ToList());
    }

    /// <summary>PROTO 2, LONG1 with the 10 little-endian bytes of the magic number, STOP.</summary>
    private static byte[] MagicNumberPickle()
    {
        var magic = TorchLegacyCheckpoint.MagicNumber.ToByteArray();
        return [0x80, 2, Opcodes.LONG1, (byte)magic.Length, .. magic, Opcodes.STOP];
    }

    private static byte[] StateDictPickle(IReadOnlyList<Tensor> storages, IReadOnlyList<TorchTensorView> views, bool legacy)
    {
        var root = new Dictionary<string, object>();
        foreach (var view in views)
        {
            var storage = storages[view.Storage];
            var pid = new List<object> { "storage", new Global("torch", TorchStorageTypes.NameOf(storage.dtype)), view.Storage.ToString(), "cpu", storage.NumberOfElements };
            if (legacy) pid.Add(null!); // view_metadata
            root[view.Name] = new Rebuild([new PersistentId(pid.ToArray()), view.Offset, view.Size.Cast<object>().ToArray(),
                view.Stride.Cast<object>().ToArray(), false, EmptyOrderedDict.Instance]);
        }
        using var pickler = new StoragePickler();
        return pickler.dumps(root);
    }

    private sealed record Global(string Module, string Name);
    private sealed record PersistentId(object[] Fields);
    private sealed record Rebuild(object[] Arguments);
    private sealed class EmptyOrderedDict { public static readonly EmptyOrderedDict Instance = new(); }

    /// <summary>Razorvine's custom picklers are process-wide, keyed by type: these private types cannot collide.</summary>
    private sealed class StoragePickler : Pickler, IObjectPickler
    {
        static StoragePickler()
        {
            var pickler = new StoragePickler();
            foreach (var type in new[] { typeof(Global), typeof(Rebuild), typeof(EmptyOrderedDict) }) registerCustomPickler(type, pickler);
        }

        public StoragePickler() : base(useMemo: false) { }

        protected override bool persistentId(object pid, out object newpid)
        {
            newpid = (pid as PersistentId)?.Fields!;
            return pid is PersistentId;
        }

        public void pickle(object o, Stream outs, Pickler currentPickler)
        {
            void WriteGlobal(string module, string name)
            {
                outs.WriteByte(Opcodes.GLOBAL);
                outs.Write(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));
            }
            switch (o)
            {
                case Global global:
                    WriteGlobal(global.Module, global.Name);
                    break;
                case Rebuild rebuild:
                    WriteGlobal("torch._utils", "_rebuild_tensor_v2");
                    currentPickler.save(rebuild.Arguments);
                    outs.WriteByte(Opcodes.REDUCE);
                    break;
                case EmptyOrderedDict:
                    WriteGlobal("collections", "OrderedDict");
                    outs.WriteByte(Opcodes.EMPTY_TUPLE);
                    outs.WriteByte(Opcodes.REDUCE);
                    break;
            }
        }
    }
}
