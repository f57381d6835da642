using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>What a bulk tag request does to each device's tags.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TagAction>))]
public enum TagAction
{
    [JsonStringEnumMemberName("add")]
    Add,

    [JsonStringEnumMemberName("remove")]
    Remove,

    [JsonStringEnumMemberName("replace")]
    Replace,
}
