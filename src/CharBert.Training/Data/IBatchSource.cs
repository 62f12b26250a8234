using CharBert.Modeling;

namespace CharBert.Training.Data;

/// <summary>Training data the trainer can batch: a fixed number of examples and a way to collate any subset
/// into a CPU <see cref="ModelBatch"/>. <paramref name="epoch"/> lets sources that draw random numbers
/// (masking, noise, augmentation) derive them from (seed, epoch, example) so a resumed run sees the same batches.</summary>
public interface IBatchSource
{
    int Count { get; }
    ModelBatch Collate(IReadOnlyList<int> exampleIndices, int epoch);
}

/// <summary>Training data whose examples' sequence lengths are known, so batches can group examples of similar length
/// (<see cref="TrainingOptions.GroupByLength"/>).</summary>
public interface ILengthAwareBatchSource : IBatchSource
{
    IReadOnlyList<int> Lengths { get; }
}
