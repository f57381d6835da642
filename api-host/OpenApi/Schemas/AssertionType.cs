using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>The kinds of synthetic assertion on an http device.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssertionType>))]
public enum AssertionType
{
    [JsonStringEnumMemberName("status_code_in")]
    StatusCodeIn,

    [JsonStringEnumMemberName("response_time_below")]
    ResponseTimeBelow,

    [JsonStringEnumMemberName("body_contains")]
    BodyContains,

    [JsonStringEnumMemberName("body_not_contains")]
    BodyNotContains,

    [JsonStringEnumMemberName("json_path_equals")]
    JsonPathEquals,

    [JsonStringEnumMemberName("json_path_exists")]
    JsonPathExists,

    [JsonStringEnumMemberName("header_equals")]
    HeaderEquals,

    [JsonStringEnumMemberName("tls_valid_days")]
    TlsValidDays,

    [JsonStringEnumMemberName("domain_days")]
    DomainDays,
}
