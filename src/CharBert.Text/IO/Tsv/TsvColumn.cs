namespace CharBert.Text.IO.Tsv;

/// <summary>A column picked by header name (files with a header) or by 0-based index.</summary>
public sealed record TsvColumn(string? Name, int? Index)
{
    public static TsvColumn Named(string name) => new(name, null);
    public static TsvColumn At(int index) => new(null, index);

    public override string ToString() => Name != null ? $"'{Name}'" : $"#{Index}";
}
