// Marks one ELF symbol-version requirement (a Vernaux entry in .gnu.version_r) as WEAK, so that
// the dynamic loader accepts a library whose libstdc++ lacks that version.
//
// Why: TorchSharp 0.107's libLibTorchSharp.so requires GLIBCXX_3.4.32 (GCC 13) only for
// std::ios_base_library_init(), a symbol GCC 13 references to force iostream initialisation and
// never calls. Debian 12 / Ubuntu 22.04 ship libstdc++ up to 3.4.30, so the library fails to load.
// A weak version requirement is one the loader does not insist on.
//
// This file is compiled twice: as an MSBuild inline task (build/TorchNative.targets) and, with
// ELF_PATCHER_NO_MSBUILD defined, into the tests.
using System;
using System.IO;
using System.Text;

namespace CharBert.Build
{
    public enum ElfPatchOutcome { Patched, AlreadyWeak, VersionNotRequired, NotElf }

    public static class ElfVersionPatcher
    {
        public const ushort VerFlagWeak = 0x2;
        const uint ShtGnuVerneed = 0x6ffffffe;

        /// <summary>Sets VER_FLG_WEAK on every Vernaux entry named <paramref name="versionName"/>.</summary>
        public static ElfPatchOutcome MarkVersionWeak(string path, string versionName)
        {
            byte[] elf = File.ReadAllBytes(path);
            var outcome = MarkVersionWeak(elf, versionName);
            if (outcome == ElfPatchOutcome.Patched)
            {
                string temp = path + ".patching";
                File.WriteAllBytes(temp, elf);
                if (File.Exists(path)) File.Replace(temp, path, null);
                else File.Move(temp, path);
            }
            return outcome;
        }

        public static ElfPatchOutcome MarkVersionWeak(byte[] elf, string versionName)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                return ElfPatchOutcome.NotElf;
            if (elf[4] != 2 || elf[5] != 1)
                throw new NotSupportedException("Only 64-bit little-endian ELF files are supported.");

            ulong shoff = ReadU64(elf, 0x28);
            int shentsize = ReadU16(elf, 0x3A);
            int shnum = ReadU16(elf, 0x3C);
            bool found = false, changed = false;
            for (int i = 0; i < shnum; i++)
            {
                int sh = checked((int)shoff + i * shentsize);
                if (ReadU32(elf, sh + 4) != ShtGnuVerneed) continue;
                int verneedOffset = checked((int)ReadU64(elf, sh + 0x18));
                uint link = ReadU32(elf, sh + 0x28);
                int strtab = checked((int)ReadU64(elf, checked((int)shoff + (int)link * shentsize) + 0x18));

                int vn = verneedOffset;
                while (true)
                {
                    int count = ReadU16(elf, vn + 2);
                    int aux = vn + (int)ReadU32(elf, vn + 8);
                    for (int a = 0; a < count; a++)
                    {
                        string name = ReadCString(elf, strtab + (int)ReadU32(elf, aux + 8));
                        if (name == versionName)
                        {
                            found = true;
                            ushort flags = ReadU16(elf, aux + 4);
                            if ((flags & VerFlagWeak) == 0)
                            {
                                WriteU16(elf, aux + 4, (ushort)(flags | VerFlagWeak));
                                changed = true;
                            }
                        }
                        uint nextAux = ReadU32(elf, aux + 12);
                        if (nextAux == 0) break;
                        aux += (int)nextAux;
                    }
                    uint next = ReadU32(elf, vn + 12);
                    if (next == 0) break;
                    vn += (int)next;
                }
            }
            if (!found) return ElfPatchOutcome.VersionNotRequired;
            return changed ? ElfPatchOutcome.Patched : ElfPatchOutcome.AlreadyWeak;
        }

        /// <summary>True when the system's libstdc++.so.6 defines the given symbol version.</summary>
        public static bool SystemLibStdCxxHasVersion(string versionName)
        {
            string[] candidates =
            {
                "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
            };
            byte[] needle = Encoding.ASCII.GetBytes(versionName + "\0");
            foreach (var candidate in candidates)
            {
                if (!File.Exists(candidate)) continue;
                byte[] bytes = File.ReadAllBytes(candidate);
                return IndexOf(bytes, needle) >= 0;
            }
            return true; // no system libstdc++ found: nothing to be compatible with, leave the file alone
        }

        static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j]) j++;
                if (j == needle.Length) return i;
            }
            return -1;
        }

        static ushort ReadU16(byte[] b, int o) => BitConverter.ToUInt16(b, o);
        static uint ReadU32(byte[] b, int o) => BitConverter.ToUInt32(b, o);
        static ulong ReadU64(byte[] b, int o) => BitConverter.ToUInt64(b, o);
        static void WriteU16(byte[] b, int o, ushort v) { b[o] = (byte)v; b[o + 1] = (byte)(v >> 8); }
        static string ReadCString(byte[] b, int o)
        {
            int end = Array.IndexOf(b, (byte)0, o);
            return Encoding.ASCII.GetString(b, o, end - o);
        }
    }

#if !ELF_PATCHER_NO_MSBUILD
    public sealed class PatchLibTorchSharpForOldLibStdCxx : Microsoft.Build.Utilities.Task
    {
        public string Directory { get; set; } = "";
        public string VersionName { get; set; } = "GLIBCXX_3.4.32";

        public override bool Execute()
        {
            if (!System.IO.Directory.Exists(Directory) || Environment.OSVersion.Platform != PlatformID.Unix) return true;
            if (ElfVersionPatcher.SystemLibStdCxxHasVersion(VersionName)) return true;
            foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "libLibTorchSharp.so", SearchOption.AllDirectories))
            {
                if (ElfVersionPatcher.MarkVersionWeak(file, VersionName) == ElfPatchOutcome.Patched)
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                        $"CharBert: marked {VersionName} weak in {file} (system libstdc++ lacks it)");
            }
            return true;
        }
    }
#endif
}
