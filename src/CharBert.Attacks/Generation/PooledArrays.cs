using System.Buffers;

namespace CharBert.Attacks.Generation;

/// <summary>Growth for the pooled arrays the chunk buffers keep.</summary>
static class PooledArrays
{
    /// <summary>A pooled array of at least <paramref name="needed"/> elements (and at least twice the old size) holding
    /// the first <paramref name="used"/> elements of <paramref name="array"/>, which goes back to the pool.</summary>
    public static T[] Grow<T>(T[] array, int used, int needed)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, array.Length * 2));
        array.AsSpan(0, used).CopyTo(larger);
        ArrayPool<T>.Shared.Return(array);
        return larger;
    }
}
