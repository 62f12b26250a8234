using CharBert.Attacks.Generation;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

/// <summary>The ordered pipeline: output in input order whatever the workers' timing, at most maxInFlight items alive,
/// one write at a time, every item disposed, and the first failure in input order reported (not the first in time).</summary>
public class OrderedPipelineTests
{
    sealed class Item(int index, Counter counter) : IDisposable
    {
        public int Index => index;
        public void Dispose() => counter.Release();
    }

    sealed class Counter
    {
        int alive, created, peak;
        public int Peak => peak;
        public int Alive => alive;
        public int Created => created;

        public void Take()
        {
            Interlocked.Increment(ref created);
            var now = Interlocked.Increment(ref alive);
            int seen;
            while ((seen = peak) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
        }

        public void Release() => Interlocked.Decrement(ref alive);
    }

    static Func<Item?> Reader(int count, Counter counter, Func<int, bool>? fail = null)
    {
        var next = 0;
        return () =>
        {
            if (next == count) return null;
            if (fail?.Invoke(next) == true) throw new InvalidDataException($"read {next}");
            counter.Take();
            return new Item(next++, counter);
        };
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    public void Writes_in_order_with_bounded_items_and_disposes_everything(int workers)
    {
        var counter = new Counter();
        var written = new List<int>();
        int writers = 0, overlaps = 0;
        OrderedPipeline.Run(Reader(300, counter), item =>
        {
            Thread.SpinWait(Random.Shared.Next(20_000)); // uneven work: later items often finish first
            counter.Take();
            return new Item(item.Index, counter);
        }, output =>
        {
            if (Interlocked.Increment(ref writers) > 1) Interlocked.Increment(ref overlaps);
            written.Add(output.Index);
            Thread.SpinWait(Random.Shared.Next(2_000));
            Interlocked.Decrement(ref writers);
        }, workers, maxInFlight: workers + 2);
        Assert.That(written, Is.EqualTo(Enumerable.Range(0, 300)));
        Assert.That(overlaps, Is.Zero, "one write at a time, whichever worker makes it");
        Assert.That(counter.Alive, Is.Zero);
        Assert.That(counter.Created, Is.EqualTo(600));
        Assert.That(counter.Peak, Is.LessThanOrEqualTo(2 * (workers + 2) + 1), "inputs plus outputs in flight stay bounded");
    }

    [Test]
    public void The_first_failure_in_input_order_is_reported_even_when_a_later_one_happens_first()
    {
        var counter = new Counter();
        var written = new List<int>();
        var error = Assert.Throws<InvalidDataException>(() => OrderedPipeline.Run(Reader(100, counter), item =>
        {
            if (item.Index == 40) { Thread.Sleep(200); throw new InvalidDataException("item 40"); }
            if (item.Index == 42) throw new InvalidDataException("item 42");
            counter.Take();
            return new Item(item.Index, counter);
        }, output => written.Add(output.Index), workers: 4, maxInFlight: 8))!;
        Assert.That(error.Message, Is.EqualTo("item 40"));
        Assert.That(written, Is.EqualTo(Enumerable.Range(0, 40)));
        Assert.That(counter.Alive, Is.Zero, "abandoned items are disposed");
    }

    [Test]
    public void A_read_failure_comes_after_every_item_read_before_it()
    {
        var counter = new Counter();
        var written = new List<int>();
        var error = Assert.Throws<InvalidDataException>(() => OrderedPipeline.Run(Reader(100, counter, fail: i => i == 30), item =>
        {
            counter.Take();
            return new Item(item.Index, counter);
        }, output => written.Add(output.Index), workers: 3, maxInFlight: 5))!;
        Assert.That(error.Message, Is.EqualTo("read 30"));
        Assert.That(written, Is.EqualTo(Enumerable.Range(0, 30)));
    }

    [Test]
    public void A_failing_write_stops_the_run_with_its_error_and_disposes_what_is_left()
    {
        var counter = new Counter();
        var written = new List<int>();
        var error = Assert.Throws<IOException>(() => OrderedPipeline.Run(Reader(1_000, counter), item =>
        {
            counter.Take();
            return new Item(item.Index, counter);
        }, output =>
        {
            if (output.Index == 20) throw new IOException("disk full");
            written.Add(output.Index);
        }, workers: 3, maxInFlight: 6))!;
        Assert.That(error.Message, Is.EqualTo("disk full"));
        Assert.That(written, Is.EqualTo(Enumerable.Range(0, 20)));
        Assert.That(counter.Created, Is.LessThan(2 * 40), "reading stops soon after the failure");
        Assert.That(counter.Alive, Is.Zero);
    }

    [Test]
    public void Cancellation_stops_the_run()
    {
        using var cancel = new CancellationTokenSource();
        var counter = new Counter();
        var written = 0;
        Assert.Catch<OperationCanceledException>(() => OrderedPipeline.Run(Reader(10_000, counter), item =>
        {
            counter.Take();
            return new Item(item.Index, counter);
        }, _ => { if (++written == 50) cancel.Cancel(); }, workers: 2, maxInFlight: 4, cancel.Token));
        Assert.That(written, Is.LessThan(10_000));
        Assert.That(counter.Alive, Is.Zero);
    }
}
