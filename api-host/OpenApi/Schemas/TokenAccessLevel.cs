using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>What an API token may do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TokenAccessLevel>))]
public enum TokenAccessLevel
{
    [JsonStringEnumMemberName("read_only")]
    ReadOnly,

    [JsonStringEnumMemberName("read_write")]
    ReadWrite,
}
