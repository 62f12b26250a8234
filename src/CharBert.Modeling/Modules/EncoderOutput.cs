using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>What an encoder returns. Char* members are null for the BERT baseline. Hidden-state lists are filled only
/// when requested: index 0 is the embedding output, index i the output of layer i (both channels, after fusion).</summary>
public sealed class EncoderOutput
{
    public required Tensor SequenceOutput { get; init; }
    public required Tensor PooledOutput { get; init; }
    public Tensor? CharSequenceOutput { get; init; }
    public Tensor? CharPooledOutput { get; init; }
    public required Tensor TokenEmbeddings { get; init; }
    public Tensor? CharEmbeddings { get; init; }
    public IReadOnlyList<Tensor>? TokenHiddenStates { get; init; }
    public IReadOnlyList<Tensor>? CharHiddenStates { get; init; }

    public bool HasCharChannel => CharSequenceOutput is not null;

    public EncoderOutput MoveToOuterDisposeScope()
    {
        foreach (var t in new[] { SequenceOutput, PooledOutput, CharSequenceOutput, CharPooledOutput, TokenEmbeddings, CharEmbeddings }
                     .Concat(TokenHiddenStates ?? []).Concat(CharHiddenStates ?? []))
            t?.MoveToOuterDisposeScope();
        return this;
    }
}

/// <summary>The shared encoder of every task model (CharBertModel or BertModel).</summary>
public interface IEncoderModel
{
    CharBertConfig Config { get; }
    bool HasCharChannel { get; }
    EncoderOutput Encode(ModelBatch batch, bool outputHiddenStates = false);
}
