using System.Runtime.InteropServices;

namespace CharBert.Cli.Commands;

/// <summary>Turns Ctrl+C and SIGTERM into cancellation for a run that can stop cleanly (it removes what it staged),
/// instead of the runtime's immediate exit, and reports the interruption in one line with exit code 130.</summary>
static class InterruptibleRun
{
    public const int ExitInterrupted = 130;

    public static int Run(CancellationToken outer, Func<CancellationToken, int> run)
    {
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(outer);
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupted.Cancel();
        }
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        try
        {
            return run(interrupted.Token);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            Console.Error.WriteLine("error: interrupted; the partial output was removed (rerun the same command to start again)");
            return ExitInterrupted;
        }
    }
}
