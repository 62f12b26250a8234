using System.Text;

namespace CharBert.Text.IO;

/// <summary>UTF-8 text output for the writers: the BOM is written only when the input had one.</summary>
static class Utf8Output
{
    static readonly UTF8Encoding NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static StreamWriter Create(Stream stream, bool withBom)
    {
        if (withBom) stream.Write([0xEF, 0xBB, 0xBF]);
        return new StreamWriter(stream, NoBom, bufferSize: 64 * 1024, leaveOpen: true);
    }
}
