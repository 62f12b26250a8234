namespace CharBert.Text.Tasks;

/// <summary>The file format a task's data comes in.</summary>
public enum TaskFileFormat
{
    Conll,
    GlueTsv,
    SquadJson,
    PlainText,
}
