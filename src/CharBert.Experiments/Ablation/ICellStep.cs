namespace CharBert.Experiments.Ablation;

/// <summary>One stage of a grid cell (pre-train, fine-tune, attack, evaluate, sensitivity). Steps run in
/// order and hand files to later steps through <see cref="CellContext"/>; result numbers go to
/// <see cref="CellContext.AddResult"/>. A step that throws stops the run; the cell is then redone on resume.</summary>
public interface ICellStep
{
    string Name { get; }
    void Run(CellContext context, CancellationToken cancellation);
}
