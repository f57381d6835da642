using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>
/// Body of <c>POST /api/monitor/add</c>. Unknown fields are ignored (clients send whole monitor objects back); the
/// monitor grain applies the rules: name 3–64 characters, interval and retryInterval 20–600 s, requestTimeout 5–600 s.
/// </summary>
[JsonNumberHandling(JsonNumberHandling.Strict)] // numbers are read as JSON numbers, never from strings
public record MonitorRequest
{
    public string? Name { get; init; }

    [Description("http (an http:// or https:// URL) or tcp (an IPv4 host in url, with port).")]
    public MonitorType? Type { get; init; }

    public string? Url { get; init; }

    [Description("Port of a tcp monitor, 1–65535.")]
    public int? Port { get; init; }

    [Description("GET POST PUT DELETE HEAD OPTIONS PATCH.")]
    public string? Method { get; init; }

    public Dictionary<string, string>? Headers { get; init; }

    [Description("Request body, any JSON value.")]
    public JsonNode? Body { get; init; }

    [JsonPropertyName("valid_status_codes")]
    [Description("Accepted status codes: \"200\", \"200-299\" or \"2xx\".")]
    public IReadOnlyList<string>? ValidStatusCodes { get; init; }

    [Description("Seconds between probes (60 by default).")]
    public int? Interval { get; init; }

    [Description("Seconds before a failed probe is retried (the interval by default).")]
    public int? RetryInterval { get; init; }

    [Description("Probe timeout in seconds (30 by default).")]
    public int? RequestTimeout { get; init; }
}
