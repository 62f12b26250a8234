using System.Runtime.CompilerServices;
using CharBert.Text.IO.Chunks;
using System.Text;

namespace CharBert.Attacks.Formats;

/// <summary>Strict UTF-8 output for renderers and the edit log: a lone surrogate is an error, never a '?' or U+FFFD.</summary>
static class Utf8Out
{
    static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(PooledByteBuffer output, ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(text.Length * 3);
        if (text.Length <= 16 && TryNarrowShortAscii(text, span))
        {
            output.Advance(text.Length);
            return;
        }
        if (text.Length <= span.Length && System.Text.Ascii.FromUtf16(text, span, out var ascii) == System.Buffers.OperationStatus.Done)
        {
            output.Advance(ascii);
            return;
        }
        output.Advance(Strict.GetBytes(text, span));
    }

    /// <summary>Words are short: a plain loop beats the set-up of the vectorised narrowing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool TryNarrowShortAscii(ReadOnlySpan<char> text, Span<byte> destination)
    {
        destination = destination[..text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= 0x80) return false;
            destination[i] = (byte)text[i];
        }
        return true;
    }
}
