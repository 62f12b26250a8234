using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace CharBert.Text.IO.Chunks;

/// <summary>Validates raw lines as strict UTF-8 (and, for plain text, free of NUL bytes, the mark of a binary file)
/// with the same message <see cref="LineReader"/> gives: the file, the line and the offending byte.</summary>
public static class Utf8Check
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The first problem in <paramref name="lines"/> (whose first line is number <paramref name="firstLine"/>),
    /// or null when every byte is fine. Cheap when there is none: one vectorised pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DataFormatException? FirstProblem(ReadOnlySpan<byte> lines, long firstLine, string displayPath, bool rejectNul)
    {
        var nul = rejectNul ? lines.IndexOf((byte)0) : -1;
        if (nul < 0 && Utf8.IsValid(lines)) return null;
        var line = firstLine;
        foreach (var range in lines.Split((byte)'\n'))
        {
            var text = lines[range];
            var zero = rejectNul ? text.IndexOf((byte)0) : -1;
            var invalid = FirstInvalid(text);
            if (zero >= 0 && (invalid is null || zero < invalid))
                return DataFormatException.NulByte(displayPath, line, zero + 1);
            if (invalid is { } index)
                return DataFormatException.InvalidUtf8(displayPath, line, text[index], index + 1);
            line++;
        }
        return null;
    }

    /// <summary>Decodes validated bytes.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => StrictUtf8.GetString(bytes);

    static int? FirstInvalid(ReadOnlySpan<byte> text)
    {
        if (Utf8.IsValid(text)) return null;
        var index = 0;
        while (index < text.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(text[index..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) return index;
            index += consumed;
        }
        return null;
    }
}
