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
        if (text.Length <= span.Length && System.Text.Ascii.FromUtf16(text, span, out var ascii) == System.Buffers.OperationStatus.Done)
        {
            output.Advance(ascii);
            return;
        }
        output.Advance(Strict.GetBytes(text, span));
    }
}
