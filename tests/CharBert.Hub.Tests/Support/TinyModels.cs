using System.Security.Cryptography;
using System.Text;

namespace CharBert.Hub.Tests.Support;

/// <summary>Small model repositories for the loopback hub: real config/vocab text, seeded random bytes as
/// weights (the hub client does not parse them).</summary>
static class TinyModels
{
    public const string Config = """{"model_type": "bert", "hidden_size": 8, "num_hidden_layers": 1, "vocab_size": 12}""";
    public const string Vocab = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\ncat\n##s\nsat\non\nmat\n.\n";
    public const string TokenizerConfig = """{"do_lower_case": true, "tokenizer_class": "BertTokenizer"}""";

    /// <summary>A deterministic 40-hex commit id for a label.</summary>
    public static string Commit(string label) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(label)));

    public static byte[] Weights(int bytes, int seed)
    {
        var data = new byte[bytes];
        new Random(seed).NextBytes(data);
        return data;
    }

    static ServedFile Text(string text) => new(Encoding.UTF8.GetBytes(text), Lfs: false);

    /// <summary>config.json, vocab.txt, tokenizer_config.json, model.safetensors (LFS) plus README.md and
    /// tf_model.h5, which the client must not fetch; main points at <paramref name="commit"/>.</summary>
    public static ServedRepo Bert(string id, string commit, int weightBytes = 300_000, string? token = null, int seed = 1)
    {
        var repo = new ServedRepo(id) { Token = token };
        repo.Refs["main"] = commit;
        repo.Commits[commit] = new Dictionary<string, ServedFile>
        {
            ["config.json"] = Text(Config),
            ["vocab.txt"] = Text(Vocab),
            ["tokenizer_config.json"] = Text(TokenizerConfig),
            ["README.md"] = Text("# tiny\n"),
            ["model.safetensors"] = new(Weights(weightBytes, seed), Lfs: true),
            ["tf_model.h5"] = new(Weights(1000, seed + 1), Lfs: true),
        };
        return repo;
    }

    /// <summary>Weights in two safetensors shards named by model.safetensors.index.json.</summary>
    public static ServedRepo Sharded(string id, string commit)
    {
        var repo = new ServedRepo(id);
        repo.Refs["main"] = commit;
        const string index = """
            {"metadata": {"total_size": 250000},
             "weight_map": {"embeddings.word_embeddings.weight": "model-00001-of-00002.safetensors",
                            "encoder.layer.0.attention.self.query.weight": "model-00002-of-00002.safetensors",
                            "pooler.dense.weight": "model-00002-of-00002.safetensors"}}
            """;
        repo.Commits[commit] = new Dictionary<string, ServedFile>
        {
            ["config.json"] = Text(Config),
            ["vocab.txt"] = Text(Vocab),
            ["model.safetensors.index.json"] = Text(index),
            ["model-00001-of-00002.safetensors"] = new(Weights(150_000, 7), Lfs: true),
            ["model-00002-of-00002.safetensors"] = new(Weights(100_000, 8), Lfs: true),
        };
        return repo;
    }

    /// <summary>Only pytorch_model.bin as weights.</summary>
    public static ServedRepo BinOnly(string id, string commit)
    {
        var repo = new ServedRepo(id);
        repo.Refs["main"] = commit;
        repo.Commits[commit] = new Dictionary<string, ServedFile>
        {
            ["config.json"] = Text(Config),
            ["vocab.txt"] = Text(Vocab),
            ["pytorch_model.bin"] = new(Weights(50_000, 9), Lfs: true),
        };
        return repo;
    }
}
