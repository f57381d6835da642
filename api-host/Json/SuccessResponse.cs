using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.Json;

/// <summary>
/// <c>{"success": true}</c>: the answer of a change that returns nothing else, and the base of every success body,
/// whose <c>success</c> comes first (the counterpart of the <see cref="ApiError"/> envelope).
/// </summary>
public record SuccessResponse
{
    [JsonPropertyOrder(-1)]
    public bool Success => true;
}
