using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>
/// The error body of the Monoduty routes, as its API document gives it (<c>success</c>, <c>error</c>, an upper-case
/// <c>code</c>, <c>timestamp</c>), with three extensions: <c>requestId</c> (the response's <c>X-Request-Id</c>),
/// <c>reason</c> (the engine's finer code, such as <c>forbidden_role</c>) and <c>fields</c> (400 only: each refused
/// field to its message).
/// </summary>
public sealed record MonodutyError(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonPropertyName("fields"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Fields = null);
