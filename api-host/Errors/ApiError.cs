using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.Errors;

/// <summary>The one error body of every /api route.</summary>
public sealed record ApiError(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("errors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Errors = null);
