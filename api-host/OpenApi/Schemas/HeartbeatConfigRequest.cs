using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>PUT /api/devices/:id/heartbeat-config</c>: fields left out keep their value.</summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record HeartbeatConfigRequest
{
    public int? Interval { get; init; }

    public int? Grace { get; init; }

    [Description("True: the receiver token is replaced; the old one answers 404 from now on.")]
    public bool? RegenerateToken { get; init; }
}
