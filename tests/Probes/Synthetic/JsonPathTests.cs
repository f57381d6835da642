using System.Text.Json;
using OrleansMonitor.Grains.Probes.Synthetic;

namespace OrleansMonitor.Tests.Probes.Synthetic;

public sealed class JsonPathTests
{
    private const string Document = """{"status":"ok","data":{"items":[{"id":1},{"id":"two"}],"flag":false,"none":null},"a.b":{"c d":[10,20]}}""";

    [Theory]
    [InlineData("$", Document)]
    [InlineData("$.status", "ok")]
    [InlineData("status", "ok")]
    [InlineData(".status", "ok")]
    [InlineData("$.data.items[0].id", "1")]
    [InlineData("data.items[1].id", "two")]
    [InlineData("$.data.flag", "false")]
    [InlineData("$.data.none", "null")]
    [InlineData("$.data.items[0]", """{"id":1}""")]
    [InlineData("$['a.b'][\"c d\"][1]", "20")]
    public void PathFindsTheValueAsText(string text, string expected)
    {
        using var document = JsonDocument.Parse(Document);
        Assert.True(JsonPath.TryParse(text, out var path, out var error), error);

        Assert.True(path.TryFind(document.RootElement, out var value));
        Assert.Equal(expected, JsonPath.ValueText(value));
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.data.items[2]")]
    [InlineData("$.status.length")]
    [InlineData("$.data[0]")]
    [InlineData("$.data.none.id")]
    public void MissingMemberOrIndexIsNotFound(string text)
    {
        using var document = JsonDocument.Parse(Document);
        Assert.True(JsonPath.TryParse(text, out var path, out var error), error);

        Assert.False(path.TryFind(document.RootElement, out _));
    }

    [Theory]
    [InlineData("data.items[0].id", "$.data.items[0].id")]
    [InlineData("  $.status ", "$.status")]
    [InlineData("$[\"a.b\"]['c d']", "$['a.b']['c d']")]
    public void TextIsTheNormalForm(string text, string normal)
    {
        if (JsonPath.TryParse(text, out var path, out _))
        {
            Assert.Equal(normal, path.Text);
        }
        else
        {
            Assert.Fail($"'{text}' did not parse");
        }
    }

    [Fact]
    public void AStringThatIsNotTextIsShownAsWritten()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"status":"ab\ud800"}""");
        Assert.True(JsonPath.TryParse("$.status", out var path, out _));
        Assert.True(path!.TryFind(document.RootElement, out var value));

        Assert.Equal("\"ab\\ud800\"", JsonPath.ValueText(value));
    }
}
