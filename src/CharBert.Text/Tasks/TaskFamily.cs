namespace CharBert.Text.Tasks;

/// <summary>The kinds of task the toolkit reads: CoNLL tagging (ner, pos), GLUE TSV classification, SQuAD JSON, and
/// plain text (attack and pre-training input only).</summary>
public enum TaskFamily
{
    Ner,
    Pos,
    Glue,
    Squad,
    Text,
}
