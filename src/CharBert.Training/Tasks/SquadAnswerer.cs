using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Featurization;
using CharBert.Text.Featurization.Squad;
using CharBert.Text.IO.Squad;
using static TorchSharp.torch;

namespace CharBert.Training.Tasks;

/// <summary>How a fine-tuned model answers SQuAD questions, as run_squad.py: doc_stride windows, start/end logits
/// from the model in eval mode without gradients, and answers decoded over all windows of a question (n-best 20,
/// max answer length 30, the null answer competing for SQuAD 2.0). Shared by <see cref="SquadTask"/> and the
/// adversarial QA target so both featurise and decode identically.</summary>
public sealed class SquadAnswerer
{
    public const int DocStride = 128;
    public const int MaxQueryLength = 64;
    readonly bool lowerCase;

    public SquadAnswerer(TextResources text, int maxSeqLength, bool lowerCase)
    {
        // the original's doc_stride 128 / max_query_length 64 assume max_seq_length 384; shorter sequences shrink both
        var query = Math.Min(MaxQueryLength, maxSeqLength / 4);
        var stride = Math.Min(DocStride, maxSeqLength - query - 3);
        Featurizer = new SquadFeaturizer(text.Tokenizer, text.Chars, maxSeqLength, stride, query, FeaturizationOptions.Original);
        this.lowerCase = lowerCase;
    }

    public SquadFeaturizer Featurizer { get; }

    /// <summary>SQuAD 2.0 (null answers allowed) when the file says so or has an unanswerable question.</summary>
    public static bool IsVersionTwo(string? version, IEnumerable<SquadExample> examples) => version?.Contains('2') == true || examples.Any(e => e.IsImpossible);

    /// <summary>The decoded answer of each input; <paramref name="windows"/>[i] are the featurised windows of
    /// <paramref name="inputs"/>[i], in order.</summary>
    public IReadOnlyList<SquadPrediction> Answer(ITaskModel model, IReadOnlyList<SquadInput> inputs,
        IReadOnlyList<IReadOnlyList<SquadWindow>> windows, bool versionTwo, Device device, int batchSize)
    {
        var features = windows.SelectMany(w => w.Select(x => x.Features)).ToArray();
        var starts = new float[features.Length][];
        var ends = new float[features.Length][];
        Inference.Run(model, features, device, batchSize, (output, indices) =>
        {
            var width = (int)output.StartLogits!.shape[1];
            var s = output.StartLogits.cpu().data<float>().ToArray();
            var e = output.EndLogits!.cpu().data<float>().ToArray();
            for (var r = 0; r < indices.Length; r++)
            {
                starts[indices[r]] = s[(r * width)..((r + 1) * width)];
                ends[indices[r]] = e[(r * width)..((r + 1) * width)];
            }
        });
        var options = new SquadDecodingOptions { LowerCase = lowerCase, VersionTwoWithNegative = versionTwo };
        var predictions = new SquadPrediction[inputs.Count];
        var offset = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var count = windows[i].Count;
            predictions[i] = SquadAnswerDecoder.Decode(inputs[i], windows[i], starts[offset..(offset + count)], ends[offset..(offset + count)], options);
            offset += count;
        }
        return predictions;
    }
}
