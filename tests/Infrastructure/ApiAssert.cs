using System.Net;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>Assertions on the API's one error envelope.</summary>
public static class ApiAssert
{
    /// <summary>Asserts the status and the envelope (<c>success</c> false, <c>code</c>, <c>error</c>, ISO <c>timestamp</c>) and returns the body.</summary>
    public static async Task<ApiErrorBody> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync<ApiErrorBody>();
        Assert.False(body.Success);
        Assert.Equal(code, body.Code);
        Assert.False(string.IsNullOrWhiteSpace(body.Error));
        Assert.True(DateTimeOffset.TryParse(body.Timestamp, out _), "timestamp is ISO-8601");
        return body;
    }
}
