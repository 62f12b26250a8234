using System.Runtime.CompilerServices;

namespace CharBert.Attacks.Perturbations;

/// <summary>Legal index ranges for a word of length <c>L</c>. "Interior" never touches the first or the last
/// character: single-character edits use 1..L-2, insertions 1..L-1, adjacent swaps (i, i+1) with i in
/// 1..L-3. With <c>allowEnds</c> the ranges grow to 0..L-1, 0..L and 0..L-2. An empty range is (0, -1).</summary>
public static class EditRange
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int First, int Last) Character(int length, bool allowEnds) =>
        allowEnds ? (0, length - 1) : (1, length - 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int First, int Last) Insertion(int length, bool allowEnds) =>
        allowEnds ? (0, length) : (1, length - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int First, int Last) SwapPair(int length, bool allowEnds) =>
        allowEnds ? (0, length - 2) : (1, length - 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsEmpty((int First, int Last) range) => range.Last < range.First;
}
