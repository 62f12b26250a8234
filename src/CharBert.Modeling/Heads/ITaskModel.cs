using CharBert.Modeling.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Modeling.Heads;

/// <summary>An encoder (CharBERT or BERT) with one task head: ModelBatch in, TaskOutput out. State-dict keys follow
/// the original checkpoints: bert.*, classifier.*, qa_outputs.*, cls.predictions.*.</summary>
public interface ITaskModel : IDisposable
{
    ModelKind Kind { get; }
    TaskHeadKind Head { get; }
    int NumLabels { get; }
    CharBertConfig Config { get; }
    IEncoderModel Encoder { get; }

    /// <summary>This model as a TorchSharp module (parameters(), train(), eval(), to(), state_dict()).</summary>
    nn.Module<ModelBatch, TaskOutput> Module { get; }

    TaskOutput Forward(ModelBatch batch);
}

/// <summary>Common plumbing of the task heads: the encoder lives in the "bert" field, as in the original.</summary>
public abstract class TaskModel : nn.Module<ModelBatch, TaskOutput>, ITaskModel
{
    protected TaskModel(string name, ModelKind kind, TaskHeadKind head, CharBertConfig config, int numLabels) : base(name)
    {
        Kind = kind;
        Head = head;
        Config = config;
        NumLabels = numLabels;
    }

    public ModelKind Kind { get; }
    public TaskHeadKind Head { get; }
    public int NumLabels { get; }
    public CharBertConfig Config { get; }
    public abstract IEncoderModel Encoder { get; }
    public nn.Module<ModelBatch, TaskOutput> Module => this;

    public TaskOutput Forward(ModelBatch batch) => forward(batch);

    /// <summary>The encoder's output for every layer of both channels (for sensitivity analysis).</summary>
    public EncoderOutput EncodeAllLayers(ModelBatch batch) => Encoder.Encode(batch, outputHiddenStates: true);

    protected static nn.Module<ModelBatch, EncoderOutput> CreateEncoder(ModelKind kind, CharBertConfig config) =>
        kind == ModelKind.CharBert && config.UseCharChannel ? new CharBertModel(config) : new BertModel(config);

    /// <summary>concat(token, char) per position for CharBERT, the token channel for BERT.</summary>
    protected static Tensor SequenceFeatures(EncoderOutput encoded) =>
        encoded.CharSequenceOutput is { } chars ? cat(new[] { encoded.SequenceOutput, chars }, -1) : encoded.SequenceOutput.alias();  // (B, T, F): F = 2H with the char channel, else H

    protected static long FeatureWidth(nn.Module<ModelBatch, EncoderOutput> encoder, CharBertConfig config) =>
        ((IEncoderModel)encoder).HasCharChannel ? 2L * config.HiddenSize : config.HiddenSize;
}
