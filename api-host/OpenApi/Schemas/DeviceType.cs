using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>The kinds of Dashmon device.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceType>))]
public enum DeviceType
{
    [JsonStringEnumMemberName("http")]
    Http,

    [JsonStringEnumMemberName("tcp")]
    Tcp,

    [JsonStringEnumMemberName("ping")]
    Ping,

    [JsonStringEnumMemberName("dns")]
    Dns,

    [JsonStringEnumMemberName("heartbeat")]
    Heartbeat,
}
