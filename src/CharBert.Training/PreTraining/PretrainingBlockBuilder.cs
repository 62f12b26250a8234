namespace CharBert.Training.PreTraining;

/// <summary>Streams words into <see cref="PretrainingBlock"/>s of exactly <c>blockSize</c> positions, as the
/// original script does: every word is (maybe) noised, split into WordPieces, the pieces are cut into runs
/// of blockSize - 2 (a word may straddle two blocks), each run is MLM-masked (noised pieces excluded) and
/// wrapped in [CLS] ... [SEP]. A final run shorter than blockSize - 2 is dropped, as there.
/// Differences from the original: masking is applied per block rather than per 1000-line read (same
/// expected rate), and nothing is lost at read boundaries.</summary>
public sealed class PretrainingBlockBuilder
{
    readonly IWordPieceTokenizer tokenizer;
    readonly NlmWordNoising noising;
    readonly MaskedLmMasker masker;
    readonly int blockSize;

    public PretrainingBlockBuilder(IWordPieceTokenizer tokenizer, NlmWordNoising noising, MaskedLmMasker masker, int blockSize)
    {
        if (blockSize < 3) throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, "a block needs [CLS], at least one piece and [SEP]");
        this.tokenizer = tokenizer;
        this.noising = noising;
        this.masker = masker;
        this.blockSize = blockSize;
    }

    readonly record struct PendingPiece(WordPiece Piece, int TermLabel, bool Noised, long WordNumber, string Word);

    public IEnumerable<PretrainingBlock> Build(IEnumerable<string> words, Random rng)
    {
        var content = blockSize - 2;
        var pending = new List<PendingPiece>(content);
        long wordNumber = 0;
        foreach (var word in words)
        {
            var noised = noising.Apply(word, rng);
            foreach (var piece in tokenizer.TokenizeWord(noised.Text))
            {
                pending.Add(new PendingPiece(piece, noised.TermLabel, noised.Changed, wordNumber, noised.Text));
                if (pending.Count == content)
                {
                    yield return Pack(pending, rng);
                    pending.Clear();
                }
            }
            wordNumber++;
        }
    }

    PretrainingBlock Pack(List<PendingPiece> run, Random rng)
    {
        var masked = masker.Mask(
            run.Select(p => p.Piece.Id).ToArray(),
            run.Select(p => p.Piece.ContinuesWord).ToArray(),
            run.Select(p => p.Noised).ToArray(),
            rng);

        var words = new List<string>();
        var pieceWord = new int[run.Count];
        for (var i = 0; i < run.Count; i++)
        {
            if (i == 0 || run[i].WordNumber != run[i - 1].WordNumber) words.Add(run[i].Word);
            pieceWord[i] = words.Count - 1;
        }

        const int ignore = MaskedLmMasker.IgnoreLabel;
        return new PretrainingBlock(
            Pieces: ["[CLS]", .. run.Select(p => p.Piece.Text), "[SEP]"],
            InputIds: [tokenizer.ClsId, .. masked.InputIds, tokenizer.SepId],
            MaskedLmLabels: [ignore, .. masked.Labels, ignore],
            TermLabels: [ignore, .. run.Select(p => p.TermLabel), ignore],
            Words: words.ToArray(),
            PieceWordIndex: [-1, .. pieceWord, -1]);
    }
}
