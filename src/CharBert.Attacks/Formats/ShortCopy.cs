using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CharBert.Attacks.Formats;

/// <summary>Copies of short pieces as one fixed-size move: a writer copies <see cref="Width"/> bytes when the source
/// has them readable and the destination has room, and advances by the piece's own length, without a copy that ends
/// at a different length every time.</summary>
static class ShortCopy
{
    public const int Width = 32;

    /// <summary>Whether <see cref="Copy"/> may be used on this machine.</summary>
    public static bool IsAvailable => Vector128.IsHardwareAccelerated;

    /// <summary>Copies the first <see cref="Width"/> bytes of <paramref name="source"/> to <paramref name="destination"/>
    /// (both at least that long) with two 16-byte loads and stores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ref var from = ref MemoryMarshal.GetReference(source[..Width]);
        ref var to = ref MemoryMarshal.GetReference(destination[..Width]);
        Vector128.LoadUnsafe(ref from).StoreUnsafe(ref to);
        Vector128.LoadUnsafe(ref from, 16).StoreUnsafe(ref to, 16);
    }
}
