namespace CharBert.Attacks.Formats;

/// <summary>The UTF-8 byte order mark: an output starts with it exactly when its input did.</summary>
static class Bom
{
    public static readonly ReadOnlyMemory<byte> Bytes = new byte[] { 0xEF, 0xBB, 0xBF };
}
