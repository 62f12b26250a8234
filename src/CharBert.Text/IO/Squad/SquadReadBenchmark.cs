using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CharBert.Text.IO.Squad;

/// <summary>One reader's pass over a SQuAD file. <see cref="PeakLiveBytes"/> is the managed heap after a full
/// collection (baseline subtracted): for the streamed reader the largest of samples taken every 1,000 examples while
/// nothing is kept, for the whole-file loader what the loaded <see cref="SquadFile"/> holds.</summary>
public sealed record SquadReadMeasurement(string Reader, long FileBytes, int Examples, double Seconds, double MegabytesPerSecond,
    double ExamplesPerSecond, long PeakLiveBytes);

/// <summary>Throughput and memory of <see cref="SquadReader"/> (streamed) against <see cref="SquadFile"/> (whole file),
/// and a generator of SQuAD 2.0-shaped files of a given size (the real files cannot be redistributed).</summary>
public static class SquadReadBenchmark
{
    public const string Streamed = "streamed (SquadReader)";
    public const string WholeFile = "whole file (SquadFile)";
    const int SampleEvery = 1000;

    /// <summary>Reads the file once with each reader to warm up, then once each timed, then once each for memory.</summary>
    public static IReadOnlyList<SquadReadMeasurement> Measure(string path)
    {
        var bytes = new FileInfo(path).Length;
        CountStreamed(path, sampleMemory: false);
        _ = SquadFile.Load(path).Examples.Count;

        var clock = Stopwatch.StartNew();
        var (streamedExamples, _) = CountStreamed(path, sampleMemory: false);
        var streamedSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var wholeExamples = SquadFile.Load(path).Examples.Count;
        var wholeSeconds = clock.Elapsed.TotalSeconds;

        var (_, streamedPeak) = CountStreamed(path, sampleMemory: true);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var file = SquadFile.Load(path);
        var wholePeak = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        GC.KeepAlive(file);

        return
        [
            Row(Streamed, bytes, streamedExamples, streamedSeconds, streamedPeak),
            Row(WholeFile, bytes, wholeExamples, wholeSeconds, wholePeak),
        ];
    }

    static SquadReadMeasurement Row(string reader, long bytes, int examples, double seconds, long peak) =>
        new(reader, bytes, examples, seconds, bytes / 1e6 / seconds, examples / seconds, peak);

    static (int Examples, long PeakLiveBytes) CountStreamed(string path, bool sampleMemory)
    {
        var baseline = sampleMemory ? GC.GetTotalMemory(forceFullCollection: true) : 0;
        long peak = 0;
        var count = 0;
        using var reader = SquadReader.Open(path);
        foreach (var _ in reader.ReadExamples())
            if (++count % SampleEvery == 0 && sampleMemory)
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        return (count, peak);
    }

    static readonly string[] Words =
    [
        "the", "river", "Zürich", "café", "flows", "\"quoted\"", "north", "of", "\U0001F600", "naïve", "city", "1848",
        "and", "its", "old", "bridges", "were", "built", "by", "engineers", "in", "Σωκράτης", "year", "a/b", "over", "lake",
    ];

    /// <summary>Writes a SQuAD 2.0-shaped file of about <paramref name="targetBytes"/> bytes, escaped like the
    /// official release (non-ASCII as \uXXXX): articles of 5 paragraphs of about 110 words, 6 questions each, every
    /// third one unanswerable with plausible answers. Deterministic. Returns the number of questions written.</summary>
    public static int WriteSynthetic(Stream output, long targetBytes)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("version", "v2.0");
        json.WriteStartArray("data");
        var questions = 0;
        for (var article = 0; json.BytesCommitted + json.BytesPending < targetBytes; article++)
        {
            json.WriteStartObject();
            json.WriteString("title", $"Article_{article}");
            json.WriteStartArray("paragraphs");
            for (var paragraph = 0; paragraph < 5; paragraph++)
            {
                var seed = article * 5 + paragraph;
                var (context, wordStarts) = Context(seed);
                json.WriteStartObject();
                json.WriteStartArray("qas");
                for (var q = 0; q < 6; q++, questions++)
                {
                    var impossible = questions % 3 == 2;
                    json.WriteStartObject();
                    json.WriteString("question", $"What did the {Words[(seed + q) % Words.Length]} do in question {questions}?");
                    json.WriteString("id", $"{questions:x24}");
                    WriteAnswers(json, "answers", context, wordStarts, seed + q, impossible ? 0 : 1 + q % 3);
                    if (impossible) WriteAnswers(json, "plausible_answers", context, wordStarts, seed + q + 1, 1);
                    json.WriteBoolean("is_impossible", impossible);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteString("context", context);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        return questions;
    }

    public static int WriteSynthetic(string path, long targetBytes)
    {
        var questions = 0;
        AtomicFile.Write(path, stream => questions = WriteSynthetic(stream, targetBytes));
        return questions;
    }

    static (string Context, List<int> WordStarts) Context(int seed)
    {
        var builder = new StringBuilder();
        var starts = new List<int>();
        for (var w = 0; w < 110; w++)
        {
            if (w > 0) builder.Append(w % 17 == 0 ? ". " : " ");
            starts.Add(builder.Length);
            builder.Append(Words[(seed * 7 + w * w + w) % Words.Length]);
        }
        return (builder.Append('.').ToString(), starts);
    }

    /// <summary>Answers of 1-3 words, with answer_start as a Python (code point) offset.</summary>
    static void WriteAnswers(Utf8JsonWriter json, string name, string context, List<int> wordStarts, int seed, int count)
    {
        json.WriteStartArray(name);
        for (var a = 0; a < count; a++)
        {
            var first = (seed * 13 + a * 31) % (wordStarts.Count - 3);
            var end = wordStarts[first + 1 + (seed + a) % 3] - 1;
            var start = wordStarts[first];
            json.WriteStartObject();
            json.WriteString("text", context[start..end].TrimEnd('.'));
            json.WriteNumber("answer_start", PythonStringOffsets.ToCodePointIndex(context, start));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
