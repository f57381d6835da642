using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>The kinds of Lunalytics monitor.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MonitorType>))]
public enum MonitorType
{
    [JsonStringEnumMemberName("http")]
    Http,

    [JsonStringEnumMemberName("tcp")]
    Tcp,
}
