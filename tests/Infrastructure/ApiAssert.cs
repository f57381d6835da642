using System.Net;
using System.Text.Json.Nodes;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>Assertions on the API's one error envelope.</summary>
public static class ApiAssert
{
    /// <summary>Asserts the status and the envelope (<c>success</c> false, <c>code</c>, <c>error</c>, ISO <c>timestamp</c>) and returns the body.</summary>
    public static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Equal(code, body["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["error"]!.GetValue<string>()));
        Assert.True(DateTimeOffset.TryParse(body["timestamp"]!.GetValue<string>(), out _), "timestamp is ISO-8601");
        return body;
    }
}
