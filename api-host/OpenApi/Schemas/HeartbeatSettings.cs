using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>When a heartbeat (push) device expects its beats.</summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record HeartbeatSettings
{
    [Description("Seconds between expected beats (60 by default).")]
    public int? Interval { get; init; }

    [Description("Seconds of grace after a missed beat before the device is down (60 by default).")]
    public int? Grace { get; init; }
}
