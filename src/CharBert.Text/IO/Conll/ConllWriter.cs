namespace CharBert.Text.IO.Conll;

/// <summary>Writes sentences back exactly as read (plus whatever words were replaced).</summary>
public static class ConllWriter
{
    public static void Write(string path, IEnumerable<ConllSentence> sentences, bool withBom) =>
        AtomicFile.Write(path, stream => Write(stream, sentences, withBom));

    public static void Write(Stream stream, IEnumerable<ConllSentence> sentences, bool withBom)
    {
        using var writer = Utf8Output.Create(stream, withBom);
        foreach (var sentence in sentences)
        {
            foreach (var line in sentence.Before) writer.Write(line.Text + line.Ending);
            foreach (var token in sentence.Tokens) writer.Write(token.Render());
            foreach (var line in sentence.After) writer.Write(line.Text + line.Ending);
        }
    }
}
