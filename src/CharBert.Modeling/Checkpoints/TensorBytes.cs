using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints;

/// <summary>Raw little-endian tensor data between streams and tensor memory, without a managed copy of the data:
/// the stream reads straight into the tensor's storage, 1 GiB at a time (a span cannot cover more than 2 GiB).</summary>
public static class TensorBytes
{
    private const long ChunkBytes = 1L << 30;

    /// <summary>Fills <paramref name="tensor"/> (contiguous, CPU) from <paramref name="stream"/>; throws
    /// <see cref="EndOfStreamException"/> when the stream ends first.</summary>
    public static void ReadExactly(Stream stream, Tensor tensor)
    {
        if (tensor.NumberOfElements == 0) return;
        using var flat = tensor.view(-1);
        var perChunk = Math.Max(1, ChunkBytes / flat.ElementSize);
        for (long start = 0; start < flat.NumberOfElements; start += perChunk)
        {
            using var chunk = flat.narrow(0, start, Math.Min(perChunk, flat.NumberOfElements - start));
            stream.ReadExactly(chunk.bytes);
        }
    }

    /// <summary>Writes <paramref name="tensor"/>'s elements in row-major order (a contiguous CPU copy when needed).</summary>
    public static void Write(Stream stream, Tensor tensor)
    {
        if (tensor.NumberOfElements == 0) return;
        using var scope = NewDisposeScope();
        var flat = tensor.detach().contiguous().cpu().view(-1);
        var perChunk = Math.Max(1, ChunkBytes / flat.ElementSize);
        for (long start = 0; start < flat.NumberOfElements; start += perChunk)
        {
            stream.Write(flat.narrow(0, start, Math.Min(perChunk, flat.NumberOfElements - start)).bytes);
        }
    }
}
