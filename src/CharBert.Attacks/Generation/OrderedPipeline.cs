using System.Collections.Concurrent;

namespace CharBert.Attacks.Generation;

/// <summary>Read → process on worker threads → write in input order, with at most <c>maxInFlight</c> items between
/// the read and the write, so memory stays bounded whatever the input size. One thread reads, <c>workers</c>
/// threads process, the calling thread writes. An exception (from any stage) surfaces once every earlier item has
/// been written, so the first bad record in file order is the one reported. With one worker everything runs
/// inline on the calling thread. Items are disposed once consumed, or when the run is abandoned.</summary>
public static class OrderedPipeline
{
    public static void Run<TIn, TOut>(Func<TIn?> read, Func<TIn, TOut> process, Action<TOut> write, int workers, int maxInFlight,
        CancellationToken cancellation = default)
        where TIn : class, IDisposable where TOut : class, IDisposable
    {
        if (workers <= 1)
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                var item = read();
                if (item == null) return;
                TOut output;
                using (item) output = process(item);
                using (output) write(output);
            }
        }
        new Parallel<TIn, TOut>(read, process, workers, Math.Max(maxInFlight, workers + 1), cancellation).Run(write);
    }

    sealed class Parallel<TIn, TOut>(Func<TIn?> read, Func<TIn, TOut> process, int workers, int maxInFlight, CancellationToken outer)
        where TIn : class, IDisposable where TOut : class, IDisposable
    {
        readonly CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        readonly SemaphoreSlim slots = new(maxInFlight);
        readonly BlockingCollection<(long Index, TIn Item)> queue = new();
        readonly Dictionary<long, (TOut? Output, Exception? Error)> finished = [];
        readonly object gate = new();
        long readCount = -1; // set when reading ends: the number of indexes handed out (an error counts as one)

        public void Run(Action<TOut> write)
        {
            var reader = Task.Factory.StartNew(Read, TaskCreationOptions.LongRunning);
            var processors = Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(Process, TaskCreationOptions.LongRunning)).ToArray();
            var wake = outer.Register(() => { lock (gate) Monitor.PulseAll(gate); });
            try
            {
                for (long next = 0; ; next++)
                {
                    outer.ThrowIfCancellationRequested(); // a cancelled read ends early: that must not look like the end
                    (TOut? Output, Exception? Error) done;
                    lock (gate)
                    {
                        while (!finished.ContainsKey(next) && (readCount < 0 || next < readCount))
                        {
                            outer.ThrowIfCancellationRequested();
                            Monitor.Wait(gate);
                        }
                        if (!finished.Remove(next, out done)) return; // everything written
                    }
                    if (done.Error != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(done.Error);
                    using (done.Output) write(done.Output!);
                    slots.Release();
                }
            }
            finally
            {
                wake.Dispose();
                stop.Cancel();
                Task.WaitAll([reader, .. processors]);
                while (queue.TryTake(out var left)) left.Item.Dispose();
                foreach (var (output, _) in finished.Values) output?.Dispose();
                queue.Dispose();
                slots.Dispose();
                stop.Dispose();
            }
        }

        void Publish(long index, TOut? output, Exception? error)
        {
            lock (gate)
            {
                finished[index] = (output, error);
                Monitor.PulseAll(gate);
            }
        }

        void Read()
        {
            long index = 0;
            try
            {
                while (true)
                {
                    slots.Wait(stop.Token);
                    var item = read();
                    if (item == null) break;
                    queue.Add((index, item));
                    index++;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e)
            {
                Publish(index, null, e);
                index++;
            }
            finally
            {
                queue.CompleteAdding();
                lock (gate)
                {
                    readCount = index;
                    Monitor.PulseAll(gate);
                }
            }
        }

        void Process()
        {
            try
            {
                foreach (var (index, item) in queue.GetConsumingEnumerable(stop.Token))
                {
                    TOut? output = null;
                    Exception? error = null;
                    try
                    {
                        output = process(item);
                    }
                    catch (Exception e)
                    {
                        error = e;
                    }
                    finally
                    {
                        item.Dispose();
                    }
                    Publish(index, output, error);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        }
    }
}
