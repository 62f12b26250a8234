using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CharBert.Cli.Commands;

/// <summary>Starts a child process confined to a number of CPUs, as `taskset` would: on Linux the calling thread's CPU
/// set is narrowed to the first N CPUs it may use while the child is started (a child inherits the set of the thread
/// that starts it, for every thread it will have), then restored. Elsewhere the child runs unpinned.</summary>
static class PinnedChildStart
{
    const int MaskWords = 16; // 1024 CPUs

    [DllImport("libc", SetLastError = true)]
    static extern int sched_getaffinity(int threadId, nint maskBytes, [In, Out] ulong[] mask);

    [DllImport("libc", SetLastError = true)]
    static extern int sched_setaffinity(int threadId, nint maskBytes, ulong[] mask);

    /// <summary>Whether children can be pinned here.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>Starts <paramref name="start"/> on <paramref name="cpus"/> CPUs (all the caller may use when it has
    /// fewer), or unpinned where that is not supported.</summary>
    public static Process Start(ProcessStartInfo start, int cpus)
    {
        if (!IsSupported) return Process.Start(start)!;
        var allowed = new ulong[MaskWords];
        if (sched_getaffinity(0, MaskWords * sizeof(ulong), allowed) != 0)
            throw new InvalidOperationException($"sched_getaffinity failed (errno {Marshal.GetLastPInvokeError()})");
        SetForThisThread(FirstCpus(allowed, cpus));
        try
        {
            return Process.Start(start)!;
        }
        finally
        {
            SetForThisThread(allowed);
        }
    }

    static void SetForThisThread(ulong[] mask)
    {
        if (sched_setaffinity(0, MaskWords * sizeof(ulong), mask) != 0)
            throw new InvalidOperationException($"sched_setaffinity failed (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>The lowest <paramref name="count"/> CPUs of <paramref name="mask"/>.</summary>
    internal static ulong[] FirstCpus(ReadOnlySpan<ulong> mask, int count)
    {
        var narrowed = new ulong[mask.Length];
        for (var word = 0; word < mask.Length && count > 0; word++)
            for (var bits = mask[word]; bits != 0 && count > 0; bits &= bits - 1, count--)
                narrowed[word] |= bits & (~bits + 1);
        return narrowed;
    }
}
