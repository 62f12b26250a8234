namespace CharBert.Attacks.Generation;

/// <summary>Read → process on worker threads → write in input order, with at most <c>maxInFlight</c> items read but not
/// yet written, so memory stays bounded whatever the input size. The calling thread is one of the <c>workers</c>. Each
/// worker reads the next item (one reader at a time), processes it, and then writes every item that is next in input
/// order and done: no thread only reads or only writes, so on a machine with as many cores as workers no thread waits
/// for a core. <c>write</c> runs on any worker, one call at a time. An exception (from any stage) surfaces once every
/// earlier item has been written, so the first bad record in file order is the one reported. With one worker
/// everything runs inline on the calling thread. Items are disposed once consumed, or when the run is abandoned.</summary>
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
        new Parallel<TIn, TOut>(read, process, write, workers, Math.Max(maxInFlight, workers + 1), cancellation).Run();
    }

    sealed class Parallel<TIn, TOut>(Func<TIn?> read, Func<TIn, TOut> process, Action<TOut> write, int workers, int maxInFlight,
        CancellationToken cancellation)
        where TIn : class, IDisposable where TOut : class, IDisposable
    {
        // Lock order: readGate, then state. Writers take only state.
        readonly object readGate = new();
        readonly object state = new();
        readonly Dictionary<long, (TOut? Output, Exception? Error)> finished = [];
        long readCount; // indexes handed out (a read error takes one); under readGate and state
        bool readEnded; // under readGate
        long nextToWrite; // under state; advanced only after the write, so one write runs at a time
        Exception? failure; // the error that stopped the run; under state
        volatile bool stopped;

        public void Run()
        {
            using var wake = cancellation.Register(() => Stop(null));
            var others = Enumerable.Range(1, workers - 1).Select(_ => Task.Factory.StartNew(Work, TaskCreationOptions.LongRunning)).ToArray();
            try
            {
                Work();
            }
            finally
            {
                Task.WaitAll(others);
                foreach (var (output, _) in finished.Values) output?.Dispose();
            }
            if (failure != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            cancellation.ThrowIfCancellationRequested();
            if (nextToWrite != readCount) throw new InvalidOperationException($"ordered pipeline ended with {readCount - nextToWrite} items unwritten");
        }

        void Work()
        {
            try
            {
                while (Next() is ({ } item, var index))
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
                    lock (state) finished[index] = (output, error);
                    WriteReady();
                }
            }
            catch (Exception e)
            {
                Stop(e); // a bug in the pipeline itself: stop rather than hang the other workers
            }
        }

        /// <summary>The next item and its index, once fewer than maxInFlight items are unwritten; null at the end of the
        /// input or when the run stops. A read error is published at the index the item would have had.</summary>
        (TIn? Item, long Index) Next()
        {
            lock (readGate)
            {
                if (readEnded) return (null, -1);
                lock (state)
                    while (!stopped && readCount - nextToWrite >= maxInFlight) Monitor.Wait(state);
                if (stopped) return (null, -1);
                var index = readCount;
                TIn? item;
                try
                {
                    item = read();
                }
                catch (Exception e)
                {
                    readEnded = true;
                    lock (state)
                    {
                        finished[index] = (null, e);
                        readCount++;
                    }
                    WriteReady();
                    return (null, -1);
                }
                if (item == null) readEnded = true;
                else lock (state) readCount++;
                return (item, index);
            }
        }

        /// <summary>Writes, in order, every finished item that is next. A worker whose item is not next leaves it to the
        /// worker writing the one before, which looks again after each write (both look under the same lock).</summary>
        void WriteReady()
        {
            while (true)
            {
                (TOut? Output, Exception? Error) done;
                lock (state)
                    if (stopped || !finished.Remove(nextToWrite, out done)) return;
                try
                {
                    if (done.Error != null) throw done.Error;
                    write(done.Output!);
                }
                catch (Exception e)
                {
                    Stop(e);
                    return;
                }
                finally
                {
                    done.Output?.Dispose();
                    lock (state)
                    {
                        nextToWrite++;
                        Monitor.PulseAll(state);
                    }
                }
            }
        }

        /// <summary>Stops the run: with <paramref name="error"/> (the first one kept) or for cancellation (null).</summary>
        void Stop(Exception? error)
        {
            lock (state)
            {
                if (error != null) failure ??= error;
                stopped = true;
                Monitor.PulseAll(state);
            }
        }
    }
}
