using System.Buffers;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Chunks;
using CharBert.Text.IO.Squad;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Formats;

/// <summary>Which SQuAD texts are attacked.</summary>
public enum SquadTarget { Questions, Contexts, Both }

/// <summary>SQuAD 1.1 / 2.0: one record per question (id "q:&lt;question id&gt;") and/or per paragraph context
/// (id "c:&lt;paragraph JSON path&gt;"). The one format that is not streamed: the whole file is one chunk, because the
/// writer splices the changed JSON values into the original bytes (<see cref="SquadEditor"/>).
/// When a context changes, every answer and plausible answer of the paragraph is re-aligned so that
/// <c>context[answer_start:][:len(text)] == text</c> still holds: its start moves by the length changes of the words
/// before it, its text becomes the attacked words it covers. Words that straddle an answer boundary are never
/// attacked (the span could not be re-aligned exactly); with <c>protectAnswers</c> no word overlapping an answer is
/// attacked, so answer texts stay unchanged.</summary>
public sealed class SquadAttackFormat(SquadTarget target, bool protectAnswers = false) : IAttackFormat
{
    public WordGranularity WordKind => WordGranularity.Sentence;

    public IAttackReader Open(Stream input, string displayPath, int chunkBytes = 0) => new Reader(input, displayPath, target, protectAnswers);

    sealed record Paragraph(IReadOnlyList<SquadExample> Examples, WhitespaceWords Words);

    sealed class Reader(Stream input, string displayPath, SquadTarget target, bool protectAnswers) : IAttackReader
    {
        bool done;

        public ReadOnlyMemory<byte> Preamble => ReadOnlyMemory<byte>.Empty;
        public long BytesRead { get; private set; }

        public AttackChunk? Read()
        {
            if (done) return null;
            done = true;
            using var copy = new MemoryStream();
            input.CopyTo(copy);
            BytesRead = copy.Length;
            return new Chunk(SquadFile.Parse(copy.ToArray(), displayPath), target, protectAnswers);
        }

        public void Dispose() { }
    }

    sealed class Chunk : AttackChunk
    {
        readonly SquadFile file;
        readonly List<(SquadExample? Question, Paragraph? Context, WhitespaceWords Words)> targets = [];

        public override ChunkRecords Records { get; }

        public Chunk(SquadFile file, SquadTarget target, bool protectAnswers)
        {
            this.file = file;
            var records = new List<AttackRecordInput>();
            if (target is SquadTarget.Questions or SquadTarget.Both)
                foreach (var example in file.Examples)
                {
                    var words = WhitespaceWords.Split(example.Question);
                    targets.Add((example, null, words));
                    records.Add(new AttackRecordInput($"q:{example.Id}", words.Words));
                }
            if (target is SquadTarget.Contexts or SquadTarget.Both)
                foreach (var group in file.Examples.GroupBy(e => e.ParagraphJsonPath))
                {
                    var paragraph = new Paragraph(group.ToArray(), WhitespaceWords.Split(group.First().Context));
                    targets.Add((null, paragraph, paragraph.Words));
                    records.Add(new AttackRecordInput($"c:{group.Key}", paragraph.Words.Words, Allowed(paragraph, protectAnswers)));
                }
            Records = ChunkRecords.From(records);
        }

        static IEnumerable<(int Start, int End)> AnswerSpans(Paragraph paragraph)
        {
            var context = paragraph.Examples[0].Context;
            foreach (var example in paragraph.Examples)
            foreach (var answer in example.Answers.Concat(example.PlausibleAnswers))
            {
                var start = PythonStringOffsets.ToUtf16Index(context, answer.AnswerStart)
                            ?? throw new InvalidOperationException($"answer_start out of range at {answer.JsonPath}");
                yield return (start, start + answer.Text.Length);
            }
        }

        static bool[] Allowed(Paragraph paragraph, bool protectAnswers)
        {
            var words = paragraph.Words;
            var allowed = Enumerable.Repeat(true, words.Words.Count).ToArray();
            foreach (var (start, end) in AnswerSpans(paragraph))
                for (var w = 0; w < allowed.Length; w++)
                {
                    var (ws, we) = (words.StartOf(w), words.StartOf(w) + words.Words[w].Length);
                    var overlaps = ws < end && start < we;
                    var straddles = (ws < start && start < we) || (ws < end && end < we);
                    if (straddles || (protectAnswers && overlaps)) allowed[w] = false;
                }
            return allowed;
        }

        public override int ByteCount => file.ByteCount;

        public override void Dispose() => Records.Dispose();

        public override void Render(ChunkEdits edits, PooledByteBuffer output)
        {
            var editor = new SquadEditor(file);
            for (var r = 0; r < targets.Count; r++)
            {
                if (edits.Of(r).IsEmpty) continue;
                var result = edits.ToResult(Records, r, WordGranularity.Sentence);
                var (question, paragraph, words) = targets[r];
                var text = words.Rebuild(result.Words);
                if (question != null) editor.ReplaceQuestion(question, text);
                else ReplaceContext(editor, paragraph!, result.Words, text);
            }
            output.Write(editor.ToBytes());
        }

        static void ReplaceContext(SquadEditor editor, Paragraph paragraph, IReadOnlyList<string> attackedWords, string newContext)
        {
            editor.ReplaceContext(paragraph.Examples[0], newContext);
            var oldContext = paragraph.Examples[0].Context;
            foreach (var example in paragraph.Examples)
            foreach (var answer in example.Answers.Concat(example.PlausibleAnswers))
            {
                var start = PythonStringOffsets.ToUtf16Index(oldContext, answer.AnswerStart)!.Value;
                var newStart = MapOffset(paragraph.Words, attackedWords, start);
                var newEnd = MapOffset(paragraph.Words, attackedWords, start + answer.Text.Length);
                editor.ReplaceAnswer(answer, newContext[newStart..newEnd], PythonStringOffsets.ToCodePointIndex(newContext, newStart));
            }
        }

        /// <summary>Where UTF-16 offset <paramref name="offset"/> of the old text lands in the new one: shifted by the
        /// length change of every word that ends at or before it (words straddling it were left unattacked).</summary>
        static int MapOffset(WhitespaceWords words, IReadOnlyList<string> attackedWords, int offset)
        {
            var shifted = offset;
            for (var w = 0; w < attackedWords.Count && words.StartOf(w) + words.Words[w].Length <= offset; w++)
                shifted += attackedWords[w].Length - words.Words[w].Length;
            return shifted;
        }
    }
}
