using System.Globalization;
using System.Text;
using System.Text.Json;
using CharBert.Metrics.Squad;
using CharBert.TestSupport;
using CharBert.Text.Tokenization;
using NUnit.Framework;

namespace CharBert.Metrics.Tests;

/// <summary>The article rule next to every code point outside the Basic Multilingual Plane, in seven contexts, against
/// the official script's own results: Fixtures/squad-article-boundary.json, written by make_squad_article_fixture.py
/// running the script's normalize_answer under Python (which records its Unicode version).</summary>
public class SquadArticleBoundaryTests
{
    sealed record Fixture(string Python, string Unicode, string[][] Contexts, int[][] Assigned, int[][] ArticleKept);

    static Fixture Load()
    {
        var path = Path.Combine(SharedPaths.RepoRoot, "tests", "CharBert.Metrics.Tests", "Fixtures", "squad-article-boundary.json");
        return JsonSerializer.Deserialize<Fixture>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
    }

    static bool In(int[][] ranges, int codePoint)
    {
        int lo = 0, hi = ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (codePoint < ranges[mid][0]) hi = mid - 1;
            else if (codePoint > ranges[mid][1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    [Test]
    public void Articles_next_to_every_code_point_outside_the_BMP_follow_the_official_script()
    {
        var fixture = Load();
        var failures = new List<string>();
        var (checkedPoints, newer) = (0, 0);
        for (var codePoint = 0x10000; codePoint <= 0x10FFFF; codePoint++)
        {
            // assigned after the fixture's Unicode version: Python's answer for it is not in the fixture
            if (!In(fixture.Assigned, codePoint) && Rune.GetUnicodeCategory(new Rune(codePoint)) != UnicodeCategory.OtherNotAssigned)
            {
                newer++;
                continue;
            }
            checkedPoints++;
            var c = char.ConvertFromUtf32(codePoint);
            var lower = PythonCase.Lower(c);
            var kept = In(fixture.ArticleKept, codePoint);
            foreach (var context in fixture.Contexts)
            {
                var expected = (kept ? context[1] : context[2]).Replace("{l}", lower);
                var actual = SquadNormalizer.Normalize(context[0].Replace("{c}", c));
                if (actual != expected && failures.Count < 10) failures.Add($"U+{codePoint:X4} in \"{context[0]}\": \"{actual}\", official \"{expected}\"");
            }
        }
        TestContext.Out.WriteLine($"{checkedPoints} code points x {fixture.Contexts.Length} contexts checked against Python {fixture.Python} " +
                                  $"(Unicode {fixture.Unicode}); {newer} assigned only in this runtime's newer Unicode skipped");
        Assert.That(failures, Is.Empty);
        Assert.That(newer, Is.LessThan(20_000), "the runtime's Unicode is far ahead of the fixture's: regenerate it with a newer Python");
    }
}
