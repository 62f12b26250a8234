using System.Text.Json;
using CharBert.Hub;
using CharBert.Modeling.Pretrained;
using NUnit.Framework;

namespace CharBert.Modeling.Tests.Pretrained;

/// <summary>A hub snapshot (built here on disk, as the hub client leaves it: snapshot entries linking to blobs) as a
/// toolkit model directory.</summary>
public class HubModelDirectoryTests
{
    const string Commit = "0123456789abcdef0123456789abcdef01234567";
    string _root = "";

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("charbert-hub-model-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    /// <summary>Each file as blobs/{name}.blob with a relative link snapshots/{commit}/{name} to it.</summary>
    HubSnapshot Snapshot(params (string Name, string Text)[] files)
    {
        var repo = Path.Combine(_root, "hf", "models--org--m");
        var snapshot = Directory.CreateDirectory(Path.Combine(repo, "snapshots", Commit)).FullName;
        Directory.CreateDirectory(Path.Combine(repo, "blobs"));
        var entries = files.Select(f =>
        {
            var blob = Path.Combine(repo, "blobs", f.Name + ".blob");
            File.WriteAllText(blob, f.Text);
            var pointer = Path.Combine(snapshot, f.Name);
            File.CreateSymbolicLink(pointer, Path.Combine("..", "..", "blobs", f.Name + ".blob"));
            return new HubSnapshotFile(f.Name, pointer, f.Text.Length, Downloaded: true);
        }).ToList();
        return new HubSnapshot(RepoId.Parse("org/m"), "main", Commit, snapshot, entries, FromCacheOnly: false) { License = "apache-2.0" };
    }

    static readonly (string, string) BertConfig = ("config.json", """{"model_type": "bert", "hidden_size": 8}""");
    static readonly (string, string) UncasedVocab = ("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\nthe\ncat\n##s\n");
    static readonly (string, string) Weights = ("model.safetensors", "weights");

    static bool LowerCase(string directory)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "tokenizer_config.json")));
        return json.RootElement.GetProperty("do_lower_case").GetBoolean();
    }

    static IReadOnlyList<string> Conversion(string directory) => ModelProvenance.Load(directory).Conversion;

    [Test]
    public void Casing_comes_from_the_repository_else_from_the_vocabulary()
    {
        var inferred = Directory.CreateDirectory(Path.Combine(_root, "inferred")).FullName;
        HubModelDirectory.Write(Snapshot(BertConfig, UncasedVocab, Weights), inferred, linkToCache: false);
        Assert.That(LowerCase(inferred), Is.True, "no upper-case entry besides specials: uncased");
        Assert.That(Conversion(inferred), Has.Some.EqualTo("tokenizer_config.json: do_lower_case true (inferred: vocab.txt has no upper-case entry)"));

        Directory.Delete(Path.Combine(_root, "hf"), recursive: true);
        var stated = Directory.CreateDirectory(Path.Combine(_root, "stated")).FullName;
        HubModelDirectory.Write(Snapshot(BertConfig, UncasedVocab, Weights, ("tokenizer_config.json", """{"do_lower_case": false, "model_max_length": 512}""")),
            stated, linkToCache: false);
        Assert.That(LowerCase(stated), Is.False, "the repository's word wins");
        Assert.That(File.ReadAllText(Path.Combine(stated, "tokenizer_config.json")), Does.Contain("model_max_length"), "its other keys are kept");
        Assert.That(File.ReadAllText(Path.Combine(_root, "hf", "models--org--m", "blobs", "tokenizer_config.json.blob")), Does.Not.Contain("tokenizer_class"),
            "the hub cache's copy is untouched");
    }

    [Test]
    public void CharBert_vocabularies_shipped_by_the_repository_are_kept()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_root, "m")).FullName;
        HubModelDirectory.Write(Snapshot(BertConfig, UncasedVocab, Weights, ("bert_char_vocab", " \na\n<unk>\n"), ("term_vocab", "cat\n<unk>\n")),
            directory, linkToCache: false);

        Assert.That(File.ReadAllText(Path.Combine(directory, "bert_char_vocab")), Is.EqualTo(" \na\n<unk>\n"));
        Assert.That(Conversion(directory), Has.Some.EqualTo("bert_char_vocab, term_vocab: the repository's"));
    }

    [Test]
    public void The_cached_directory_links_to_the_blobs_and_is_rebuilt_when_they_are_gone()
    {
        var snapshot = Snapshot(BertConfig, UncasedVocab, Weights);
        var models = Path.Combine(_root, "charbert-models");
        var log = new List<string>();

        var directory = HubModelDirectory.Ensure(snapshot, models, log.Add);

        Assert.That(directory, Is.EqualTo(Path.Combine(models, "hub", "models--org--m", Commit)));
        Assert.That(new FileInfo(Path.Combine(directory, "model.safetensors")).ResolveLinkTarget(true)!.FullName,
            Is.EqualTo(Path.Combine(_root, "hf", "models--org--m", "blobs", "model.safetensors.blob")));
        Assert.That(File.Exists(Path.Combine(directory, "term_vocab")));
        Assert.That(HubModelDirectory.Ensure(snapshot, models, log.Add), Is.EqualTo(directory));
        Assert.That(log, Has.Count.EqualTo(1), "prepared once");

        // the hub cache was cleaned and fetched again with HF_HUB_DISABLE_SYMLINKS: the snapshot holds a copy, the blob is gone
        var pointer = Path.Combine(snapshot.Folder, "model.safetensors");
        File.Delete(Path.Combine(_root, "hf", "models--org--m", "blobs", "model.safetensors.blob"));
        File.Delete(pointer);
        File.WriteAllText(pointer, "weights");

        Assert.That(HubModelDirectory.Ensure(snapshot, models, log.Add), Is.EqualTo(directory));
        Assert.That(log, Has.Count.EqualTo(2), "a dangling link is noticed and the directory prepared again");
        Assert.That(new FileInfo(Path.Combine(directory, "model.safetensors")).ResolveLinkTarget(true)!.FullName, Is.EqualTo(pointer));
    }
}
