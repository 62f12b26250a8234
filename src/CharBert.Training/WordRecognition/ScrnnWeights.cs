using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Safetensors;
using CharBert.Modeling.WordRecognition;
using CharBert.Text.IO;
using static TorchSharp.torch;

namespace CharBert.Training.WordRecognition;

/// <summary>The ScRNN's weights in a recogniser directory: <see cref="FileName"/>, safetensors under the module's
/// state_dict names (the toolkit's checkpoint format, written atomically, loaded strictly), or
/// <see cref="LegacyFileName"/>, TorchSharp's own module.save format that recognisers were saved in before and that
/// is still read.</summary>
public static class ScrnnWeights
{
    public const string FileName = "scrnn.safetensors";
    public const string LegacyFileName = "scrnn.weights";

    public static void Save(ScrnnModel model, string directory)
    {
        SafetensorsWriter.Write(Path.Combine(directory, FileName), model.state_dict(),
            new Dictionary<string, string> { ["format"] = "charbert.net", ["model"] = "scrnn" });
        // a directory saved over an old-format one must not keep weights that no longer match its config
        File.Delete(Path.Combine(directory, LegacyFileName));
    }

    /// <summary>Loads the weights of <paramref name="directory"/> into <paramref name="model"/> (on the CPU, before
    /// it is moved to a device); safetensors wins when both files are there.</summary>
    public static void Load(ScrnnModel model, string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            using (NewDisposeScope())
                CheckpointLoader.Load(model, SafetensorsFile.Open(path).LoadAll(), path);
            return;
        }
        var legacyPath = Path.Combine(directory, LegacyFileName);
        if (!File.Exists(legacyPath))
            throw new FileNotFoundException($"word-recogniser weights missing: neither {FileName} nor {LegacyFileName} in {directory}", path);
        try
        {
            model.load(legacyPath, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or NotImplementedException)
        {
            throw new DataFormatException(legacyPath, 0, $"not readable as TorchSharp module weights of this recogniser: {e.Message}", e);
        }
    }
}
