using System.Text;
using CharBert.Text.IO.Conll;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

public class ConllStreamingTests
{
    /// <summary>Produces a large CoNLL file on demand.</summary>
    sealed class GeneratedConllStream(int sentences) : CountingReadStream
    {
        int nextSentence;
        byte[] pending = [];
        int pendingOffset;

        public long TotalBytes { get; private set; }

        protected override int ReadMore(byte[] buffer, int offset, int count)
        {
            if (pendingOffset == pending.Length)
            {
                if (nextSentence == sentences) return 0;
                var i = nextSentence++;
                pending = Encoding.UTF8.GetBytes($"Word{i} NN B-NP B-PER\nsaid VBD B-VP O\nhello UH O O\n\n");
                pendingOffset = 0;
                TotalBytes += pending.Length;
            }
            var n = Math.Min(count, pending.Length - pendingOffset);
            Array.Copy(pending, pendingOffset, buffer, offset, n);
            pendingOffset += n;
            return n;
        }
    }

    /// <summary>Counts bytes written without keeping them.</summary>
    sealed class CountingSink : Stream
    {
        public long Written { get; private set; }
        public override void Write(byte[] buffer, int offset, int count) => Written += count;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Test]
    public void Reader_streams_200k_sentences_without_reading_ahead()
    {
        const int count = 200_000;
        var source = new GeneratedConllStream(count);
        using var reader = new ConllReader(source, "generated.txt");
        var seen = 0;
        long maxLead = 0;
        foreach (var sentence in reader.ReadSentences())
        {
            Assert.That(sentence.Words[0], Is.EqualTo($"Word{seen}"));
            seen++;
            // bytes pulled from the stream beyond those of the sentences handed out so far
            maxLead = Math.Max(maxLead, source.BytesRead - SentenceBytesUpTo(seen));
        }
        Assert.That(seen, Is.EqualTo(count));
        Assert.That(source.TotalBytes, Is.GreaterThan(10_000_000));
        Assert.That(maxLead, Is.LessThanOrEqualTo(64 * 1024 + 200), "reader holds at most one read buffer (64 KiB) ahead");
    }

    [Test]
    public void Streaming_write_reproduces_the_generated_length()
    {
        var source = new GeneratedConllStream(200_000);
        var sink = new CountingSink();
        using var reader = new ConllReader(source, "generated.txt");
        ConllWriter.Write(sink, reader.ReadSentences(), reader.HasBom);
        Assert.That(sink.Written, Is.EqualTo(source.TotalBytes));
    }

    static long SentenceBytesUpTo(int sentences)
    {
        // sentence i is "Word{i} NN B-NP B-PER\nsaid VBD B-VP O\nhello UH O O\n\n": 49 bytes plus the digits of i
        long total = 0;
        for (long digits = 1, low = 0; low < sentences; digits++, low = low == 0 ? 10 : low * 10)
        {
            var high = Math.Min(sentences, low == 0 ? 10 : low * 10);
            total += (high - low) * (49 + digits);
        }
        return total;
    }
}
