using System.Text;

namespace CharBert.Modeling.Tests.Checkpoints;

/// <summary>Hand-written pickle opcodes (protocol 2), to build the odd files a checkpoint reader must refuse.</summary>
internal sealed class PickleBytes
{
    private readonly List<byte> bytes = [0x80, 2];

    public PickleBytes Op(char opcode) { bytes.Add((byte)opcode); return this; }
    public PickleBytes Global(string module, string name) { bytes.AddRange(Encoding.ASCII.GetBytes($"c{module}\n{name}\n")); return this; }
    public PickleBytes Str(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        bytes.Add((byte)'X');
        bytes.AddRange(BitConverter.GetBytes(utf8.Length));
        bytes.AddRange(utf8);
        return this;
    }
    public PickleBytes Int(int value) { bytes.Add((byte)'J'); bytes.AddRange(BitConverter.GetBytes(value)); return this; }
    public PickleBytes Mark() => Op('(');
    public PickleBytes Tuple() => Op('t');
    public PickleBytes EmptyTuple() => Op(')');
    public PickleBytes EmptyDict() => Op('}');
    public PickleBytes Reduce() => Op('R');
    public PickleBytes NewObj() => Op('\u0081');
    public PickleBytes Build() => Op('b');
    public PickleBytes SetItems() => Op('u');
    public PickleBytes BinPersId() => Op('Q');
    public byte[] Stop() { bytes.Add((byte)'.'); return [.. bytes]; }
}
