using System.Text;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

/// <summary>Byte-for-byte comparison that stays fast on multi-megabyte files and, on failure, shows the first
/// differing offset with some text around it (NUnit's collection equality is slow and vague on 3 MB arrays).</summary>
static class ByteAssert
{
    public static void Identical(byte[] actual, byte[] expected)
    {
        if (actual.AsSpan().SequenceEqual(expected)) return;
        var at = actual.AsSpan().CommonPrefixLength(expected);
        string Around(byte[] b) => Encoding.UTF8.GetString(b, Math.Max(0, at - 40), Math.Min(b.Length, at + 40) - Math.Max(0, at - 40));
        Assert.Fail($"bytes differ at offset {at} (lengths {actual.Length} vs {expected.Length} expected)\n" +
                    $"  actual:   {Around(actual)}\n  expected: {Around(expected)}");
    }
}
