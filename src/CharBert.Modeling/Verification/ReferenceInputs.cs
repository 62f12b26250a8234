using CharBert.Modeling.Modules;
using CharBert.Modeling.Safetensors;
using static TorchSharp.torch;

namespace CharBert.Modeling.Verification;

/// <summary>The model batch stored in a reference file's input.* tensors (names as the original's forward arguments).</summary>
internal static class ReferenceInputs
{
    /// <param name="withLabels">Also the labels (the loss is then computed); without them only what the model reads.</param>
    public static ModelBatch Read(SafetensorsFile fixture, bool withLabels)
    {
        Tensor? Optional(string name) => fixture.Contains("input." + name) ? fixture.Load("input." + name) : null;
        Tensor? Label(string name) => withLabels ? Optional(name) : null;
        return new ModelBatch
        {
            InputIds = fixture.Load("input.input_ids"),
            AttentionMask = fixture.Load("input.attention_mask"),
            TokenTypeIds = Optional("token_type_ids"),
            CharInputIds = Optional("char_input_ids"),
            StartIds = Optional("start_ids"),
            EndIds = Optional("end_ids"),
            SequenceLabels = Label("seq_labels"),
            TokenLabels = Label("token_labels"),
            StartPositions = Label("start_positions"),
            EndPositions = Label("end_positions"),
            MaskedLmLabels = Label("masked_lm_labels"),
            TermLabels = Label("adv_labels"),
        };
    }
}
