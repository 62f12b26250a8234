using System.Text.Json;
using CharBert.Text.IO;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

public class JsonErrorsTests
{
    sealed record Sample
    {
        public int Size { get; init; }
        public string? Name { get; init; }
    }
    sealed record Strict
    {
        public required int Size { get; init; }
        public required string Name { get; init; }
    }

    static JsonException Error<T>(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<T>(json, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }))!;

    [Test]
    public void Messages_have_a_one_based_line_and_the_json_path_and_no_dotnet_type_names()
    {
        var error = JsonErrors.InFile("config.json", Error<Sample>("{\n  \"size\": \"big\"\n}"));
        Assert.That(error.Message, Is.EqualTo("config.json:2: expected a whole number (at $.size)"));
        Assert.That(JsonErrors.Problem(Error<Strict>("{\"size\": 3}")), Is.EqualTo("missing required keys: name"));
        Assert.That(JsonErrors.Problem(Error<Sample>("")), Is.EqualTo("no JSON value (the file is empty)"));
        Assert.That(JsonErrors.Problem(Error<Sample>("{\"size\": 3,}")), Does.Not.Contain("LineNumber").And.Not.Contain("BytePositionInLine"));
    }

    [Test]
    public void A_non_json_file_is_not_quoted_whole()
    {
        var line = string.Join(' ', Enumerable.Repeat("tree NN B-NP O", 50));
        var problem = JsonErrors.Problem(Error<Sample>(line));
        Assert.That(problem.Length, Is.LessThan(120), problem);
    }
}
