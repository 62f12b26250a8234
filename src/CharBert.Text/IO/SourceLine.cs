namespace CharBert.Text.IO;

/// <summary>One line of a text file as read: its 1-based number, its text without the line ending, and the
/// ending itself (<c>"\n"</c>, <c>"\r\n"</c>, or <c>""</c> for a last line with no newline), so that
/// <c>Text + Ending</c> reproduces the file's bytes exactly.</summary>
public readonly record struct SourceLine(long Number, string Text, string Ending)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
