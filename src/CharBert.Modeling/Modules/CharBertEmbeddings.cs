using CharBert.Modeling.Precision;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>The char channel's input (original CharBertEmbeddings): char embeddings (padding_idx 0) through a
/// bidirectional GRU (hidden/4 per direction) over the whole char sequence; each token is the concatenation of the
/// states at its first char (start_ids) and its last char (end_ids). The original selects those states with a one-hot
/// matmul; gather selects the same values exactly. The "cnn" ablation replaces the GRU by a width-5 convolution.
/// Shapes: B batch, C characters of the whole sequence, T subword positions, E char embedding size, H hidden size.</summary>
public sealed class CharBertEmbeddings : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly Embedding char_embeddings;
    private readonly GRU? rnn_layer;
    private readonly Conv1d? cnn_layer;

    public CharBertEmbeddings(CharBertConfig config) : base(nameof(CharBertEmbeddings))
    {
        char_embeddings = nn.Embedding(config.CharVocabSize, config.CharEmbeddingSize, padding_idx: 0);
        if (config.CharEncoder == CharEncoderKind.BiGru)
            rnn_layer = nn.GRU(config.CharEmbeddingSize, config.HiddenSize / 4, batchFirst: true, bidirectional: true);
        else
            cnn_layer = Convolutions.Conv1d(config.CharEmbeddingSize, config.HiddenSize / 2, 5, padding: 2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor charInputIds, Tensor startIds, Tensor endIds)
    {
        using var scope = NewDisposeScope();
        var embedded = char_embeddings.forward(charInputIds);  // (B, C) -> (B, C, E)
        Tensor allHiddens;
        if (rnn_layer is not null)
            allHiddens = rnn_layer.forward(embedded).Item1;  // (B, C, E) -> (B, C, H/2): H/4 per direction
        else
            allHiddens = Autocast.ToFloat32(nn.functional.relu(Autocast.Conv1d(cnn_layer!, embedded.permute(0, 2, 1)))).permute(0, 2, 1);  // (B, C, E) -> (B, E, C) -> (B, H/2, C) -> (B, C, H/2)
        var width = allHiddens.shape[2];
        var startHidden = allHiddens.gather(1, startIds.unsqueeze(-1).expand(-1, -1, width));  // (B, T) -> (B, T, H/2): each token's first-char state
        var endHidden = allHiddens.gather(1, endIds.unsqueeze(-1).expand(-1, -1, width));  // (B, T, H/2): each token's last-char state
        return cat(new[] { startHidden, endHidden }, -1).MoveToOuterDisposeScope();  // (B, T, H)
    }
}
