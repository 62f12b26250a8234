using CharBert.Text.IO;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

public class OutputFolderTests
{
    [Test]
    public void A_file_at_or_above_the_folder_is_named()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("file", "x");
        Assert.That(() => OutputFolder.RequireWritable(file), Throws.TypeOf<OutputFolderException>().With.Message.EqualTo($"{file}: a file is in the way (expected a folder)"));
        Assert.That(() => OutputFolder.RequireWritable(Path.Combine(file, "a", "b")),
            Throws.TypeOf<OutputFolderException>().With.Message.EqualTo($"{Path.Combine(file, "a", "b")}: {file} is a file, not a folder"));
        Assert.That(Directory.EnumerateFileSystemEntries(dir.Path), Is.EqualTo(new[] { file }), "the check writes nothing that stays");
    }

    [Test]
    public void A_staged_folder_appears_whole_or_not_at_all()
    {
        using var dir = new TempDirectory();
        var output = dir.File("out");
        Assert.That(() => OutputFolder.WriteStaged(output, "done.txt", false, "results", staging =>
        {
            File.WriteAllText(Path.Combine(staging, "done.txt"), "half");
            throw new InvalidDataException("failed half-way");
        }), Throws.TypeOf<InvalidDataException>());
        Assert.That(Directory.EnumerateFileSystemEntries(dir.Path), Is.Empty, "neither the folder nor its staging sibling is left");

        OutputFolder.WriteStaged(output, "done.txt", false, "results", staging => File.WriteAllText(Path.Combine(staging, "done.txt"), "1"));
        Assert.That(File.ReadAllText(Path.Combine(output, "done.txt")), Is.EqualTo("1"));
    }

    [Test]
    public void An_earlier_output_is_replaced_only_when_asked_and_other_folders_never()
    {
        using var dir = new TempDirectory();
        var output = dir.File("out");
        void Write(string text, bool overwrite) =>
            OutputFolder.WriteStaged(output, "done.txt", overwrite, "results", staging => File.WriteAllText(Path.Combine(staging, "done.txt"), text));
        Write("1", overwrite: false);

        Assert.That(() => Write("2", overwrite: false), Throws.TypeOf<OutputFolderException>()
            .With.Message.EqualTo($"{output} already holds results (done.txt); use --overwrite to replace it, or choose another --out"));
        Write("2", overwrite: true);
        Assert.That(File.ReadAllText(Path.Combine(output, "done.txt")), Is.EqualTo("2"));
        Assert.That(Directory.EnumerateFileSystemEntries(dir.Path), Is.EqualTo(new[] { output }), "the replaced folder is gone");

        var other = Directory.CreateDirectory(dir.File("other")).FullName;
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");
        Assert.That(() => OutputFolder.WriteStaged(other, "done.txt", true, "results", _ => { }),
            Throws.TypeOf<OutputFolderException>().With.Message.Contains("is not empty and holds no earlier results (done.txt)"));
        Assert.That(File.ReadAllText(Path.Combine(other, "notes.txt")), Is.EqualTo("mine"));
    }

    [Test]
    public void Leftovers_of_a_killed_process_are_removed_and_those_of_a_live_one_kept()
    {
        using var dir = new TempDirectory();
        var dead = Directory.CreateDirectory(dir.File($".out.partial-{int.MaxValue}-abc")).FullName; // no such process
        var live = Directory.CreateDirectory(dir.File($".out.replaced-{Environment.ProcessId}-abc")).FullName;
        OutputFolder.RemoveAbandoned(dir.Path, "out");
        Assert.That(Directory.Exists(dead), Is.False);
        Assert.That(Directory.Exists(live), Is.True);
    }
}
