using System.Runtime.CompilerServices;

namespace CharBert.Attacks.Generation;

/// <summary>Where a word lies in a character buffer.</summary>
public readonly record struct WordRange(int Start, int Length);

/// <summary>A record's words as ranges of one character buffer: what recipes read, with no string per word.</summary>
public readonly ref struct RecordWords
{
    public RecordWords(ReadOnlySpan<char> text, ReadOnlySpan<WordRange> ranges)
    {
        Text = text;
        Ranges = ranges;
    }

    public ReadOnlySpan<char> Text { get; }
    public ReadOnlySpan<WordRange> Ranges { get; }
    public int Length => Ranges.Length;

    public ReadOnlySpan<char> this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var range = Ranges[index];
            return Text.Slice(range.Start, range.Length);
        }
    }
}
