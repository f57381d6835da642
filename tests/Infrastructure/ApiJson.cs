using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// Reads API bodies into the tests' records as strictly as the API writes them: camelCase names matched exactly,
/// numbers only as numbers, every constructor parameter without a default present, and null only where the record
/// says a member may be null.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>The response body as a <typeparamref name="T"/>.</summary>
    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(Options) ?? throw new InvalidOperationException($"The body is JSON null, not a {typeof(T).Name}.");

    /// <summary>GETs <paramref name="url"/> (which must succeed) and reads the body as a <typeparamref name="T"/>.</summary>
    public static async Task<T> GetJsonAsync<T>(this HttpClient client, string url) =>
        await client.GetFromJsonAsync<T>(url, Options) ?? throw new InvalidOperationException($"GET {url} answered JSON null, not a {typeof(T).Name}.");
}
