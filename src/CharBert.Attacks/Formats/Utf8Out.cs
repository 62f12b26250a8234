using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;

namespace CharBert.Attacks.Formats;

/// <summary>Strict UTF-8 output for renderers and the edit log: a lone surrogate is an error, never a '?' or U+FFFD.</summary>
static class Utf8Out
{
    static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        var written = Strict.GetBytes(text, output.GetSpan(Strict.GetMaxByteCount(text.Length)));
        output.Advance(written);
    }
}
