using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>
/// Body of <c>POST /api/projects/:id/devices</c> and <c>PUT /api/devices/:id</c> (on update, fields left out keep
/// their value). Shapes are checked here; the monitor grain applies the rules (name 3–64 characters, intervals 20–600 s).
/// </summary>
[JsonNumberHandling(JsonNumberHandling.Strict)] // numbers are read as JSON numbers, never from strings
public sealed record DeviceRequest
{
    public string? Name { get; init; }

    [Description("http by default on create.")]
    public DeviceType? Type { get; init; }

    [Description("http(s) URL of an http device.")]
    public string? Url { get; init; }

    [Description("Host of a tcp or ping device (an alias of url).")]
    public string? Host { get; init; }

    [Description("Port of a tcp device, 1–65535.")]
    public int? Port { get; init; }

    [Description("HTTP method: GET POST PUT DELETE HEAD OPTIONS PATCH.")]
    public string? Method { get; init; }

    public Dictionary<string, string>? Headers { get; init; }

    [Description("Request body of an http device, any JSON value.")]
    public JsonNode? Body { get; init; }

    [Description("Accepted status codes: \"200\", \"200-299\" or \"2xx\".")]
    public IReadOnlyList<string>? ExpectedStatus { get; init; }

    [JsonPropertyName("valid_status_codes")]
    [Description("The Lunalytics name of expectedStatus.")]
    public IReadOnlyList<string>? ValidStatusCodes { get; init; }

    [Description("Seconds between probes, 20–600 (60 by default).")]
    public int? Interval { get; init; }

    [Description("Seconds before a failed probe is retried (the interval by default).")]
    public int? RetryInterval { get; init; }

    [Description("Probe timeout in seconds, 5–600 (30 by default).")]
    public int? Timeout { get; init; }

    [Description("The Lunalytics name of timeout.")]
    public int? RequestTimeout { get; init; }

    [Description("Settings of a dns device.")]
    public DnsSettings? Dns { get; init; }

    [Description("Settings of a heartbeat (push) device.")]
    public HeartbeatSettings? Heartbeat { get; init; }

    [Description("The parent device (same workspace): while it is down, this device's failures are suppressed and alert no one. null removes it; a cycle is refused (422).")]
    public Guid? ParentId { get; init; }
}
