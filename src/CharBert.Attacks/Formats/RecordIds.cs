using System.Runtime.CompilerServices;

namespace CharBert.Attacks.Formats;

/// <summary>Record ids ("s12", "L7", "L7c2") written into a caller's buffer: the text interpolation gives, without its
/// generic formatting code, which a run pinned to one core executes unoptimised until it ends (the runtime delays
/// recompiling hot code by seconds on a single core).</summary>
static class RecordIds
{
    /// <summary>Writes <paramref name="prefix"/> and <paramref name="number"/> (not negative); returns the length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<char> destination, char prefix, long number)
    {
        destination[0] = prefix;
        return 1 + WriteNumber(destination[1..], number);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int WriteNumber(Span<char> destination, long number)
    {
        var digits = 1;
        for (var rest = number / 10; rest > 0; rest /= 10) digits++;
        for (var i = digits - 1; i >= 0; i--, number /= 10) destination[i] = (char)('0' + number % 10);
        return digits;
    }
}
