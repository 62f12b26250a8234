using System.Text;
using CharBert.Build;
using NUnit.Framework;

namespace CharBert.Build.Tests;

public class ElfVersionPatcherTests
{
    /// <summary>Builds a minimal 64-bit little-endian ELF with a .dynstr and a .gnu.version_r section
    /// requiring two versions of libstdc++.so.6, the shape a linker writes.</summary>
    static byte[] MinimalElf(params (string Name, ushort Flags)[] versions)
    {
        var dynstr = new MemoryStream();
        dynstr.WriteByte(0);
        int AddString(string s) { int at = (int)dynstr.Length; var b = Encoding.ASCII.GetBytes(s); dynstr.Write(b); dynstr.WriteByte(0); return at; }
        int fileName = AddString("libstdc++.so.6");
        var nameOffsets = versions.Select(v => AddString(v.Name)).ToArray();

        var verneed = new MemoryStream();
        var w = new BinaryWriter(verneed);
        w.Write((ushort)1); w.Write((ushort)versions.Length); w.Write((uint)fileName); w.Write((uint)16); w.Write((uint)0);
        for (int i = 0; i < versions.Length; i++)
        {
            w.Write((uint)0x12345 + (uint)i); w.Write(versions[i].Flags); w.Write((ushort)(i + 2));
            w.Write((uint)nameOffsets[i]); w.Write((uint)(i == versions.Length - 1 ? 0 : 16));
        }

        const int headerSize = 64, shentsize = 64;
        int dynstrOffset = headerSize, verneedOffset = dynstrOffset + (int)dynstr.Length;
        int shoff = verneedOffset + (int)verneed.Length;
        var file = new MemoryStream();
        var f = new BinaryWriter(file);
        f.Write(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        f.Write((ushort)3); f.Write((ushort)62); f.Write((uint)1); f.Write((ulong)0); f.Write((ulong)0);
        f.Write((ulong)shoff); f.Write((uint)0); f.Write((ushort)headerSize); f.Write((ushort)0); f.Write((ushort)0);
        f.Write((ushort)shentsize); f.Write((ushort)3); f.Write((ushort)0);
        f.Write(dynstr.ToArray()); f.Write(verneed.ToArray());
        void Section(uint type, ulong offset, ulong size, uint link)
        { f.Write((uint)0); f.Write(type); f.Write((ulong)0); f.Write((ulong)0); f.Write(offset); f.Write(size); f.Write(link); f.Write((uint)0); f.Write((ulong)8); f.Write((ulong)0); }
        Section(0, 0, 0, 0);
        Section(3, (ulong)dynstrOffset, (ulong)dynstr.Length, 0);
        Section(0x6ffffffe, (ulong)verneedOffset, (ulong)verneed.Length, 1);
        return file.ToArray();
    }


    [Test]
    public void MarksOnlyTheNamedVersionWeak()
    {
        var elf = MinimalElf(("GLIBCXX_3.4.30", 0), ("GLIBCXX_3.4.32", 0));
        var before = (byte[])elf.Clone();

        Assert.That(ElfVersionPatcher.MarkVersionWeak(elf, "GLIBCXX_3.4.32"), Is.EqualTo(ElfPatchOutcome.Patched));

        var changed = Enumerable.Range(0, elf.Length).Where(i => elf[i] != before[i]).ToArray();
        Assert.That(changed, Has.Length.EqualTo(1), "exactly one byte (the low byte of vna_flags) changes");
        Assert.That(elf[changed[0]], Is.EqualTo(ElfVersionPatcher.VerFlagWeak));
    }

    [Test]
    public void IsIdempotent()
    {
        var elf = MinimalElf(("GLIBCXX_3.4.32", 0));
        ElfVersionPatcher.MarkVersionWeak(elf, "GLIBCXX_3.4.32");
        var once = (byte[])elf.Clone();
        Assert.That(ElfVersionPatcher.MarkVersionWeak(elf, "GLIBCXX_3.4.32"), Is.EqualTo(ElfPatchOutcome.AlreadyWeak));
        Assert.That(elf, Is.EqualTo(once));
    }

    [Test]
    public void ReportsAbsentVersionAndNonElf()
    {
        Assert.That(ElfVersionPatcher.MarkVersionWeak(MinimalElf(("GLIBCXX_3.4.30", 0)), "GLIBCXX_3.4.32"),
            Is.EqualTo(ElfPatchOutcome.VersionNotRequired));
        Assert.That(ElfVersionPatcher.MarkVersionWeak(Encoding.ASCII.GetBytes(new string('x', 100)), "GLIBCXX_3.4.32"),
            Is.EqualTo(ElfPatchOutcome.NotElf));
    }

    [Test]
    public void PatchesAFileOnDiskAtomically()
    {
        string path = Path.Combine(Path.GetTempPath(), $"elf-{Guid.NewGuid():N}.so");
        File.WriteAllBytes(path, MinimalElf(("GLIBCXX_3.4.32", 0)));
        try
        {
            Assert.That(ElfVersionPatcher.MarkVersionWeak(path, "GLIBCXX_3.4.32"), Is.EqualTo(ElfPatchOutcome.Patched));
            Assert.That(ElfVersionPatcher.MarkVersionWeak(path, "GLIBCXX_3.4.32"), Is.EqualTo(ElfPatchOutcome.AlreadyWeak));
            Assert.That(File.Exists(path + ".patching"), Is.False);
        }
        finally { File.Delete(path); }
    }
}
