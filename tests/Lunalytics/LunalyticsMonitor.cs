using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMonitor.Tests.Lunalytics;

/// <summary>The Lunalytics Monitor object as a client reads it; the HTTP fields are null for other types.</summary>
public sealed record LunalyticsMonitor(
    string MonitorId,
    string Name,
    string Url,
    int Interval,
    int RetryInterval,
    int RequestTimeout,
    string Email,
    string Type,
    double UptimePercentage,
    double AverageHeartbeatLatency,
    bool IsDown,
    IReadOnlyList<LunalyticsHeartbeat> Heartbeats,
    LunalyticsCertificate Cert,
    IReadOnlyDictionary<string, LunalyticsLatencyWindow> LatencyPercentiles,
    string? Method = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    JsonElement? Body = null,
    [property: JsonPropertyName("valid_status_codes")] IReadOnlyList<string>? ValidStatusCodes = null,
    int? Port = null,
    long? LastCheck = null,
    long? NextCheck = null);
