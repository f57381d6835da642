using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.Json;

/// <summary>
/// How every HTTP response body is written, on top of the web defaults (camelCase names, nulls written): timestamps
/// by <see cref="IsoTimestampConverter"/>, enums by <see cref="SnakeCaseEnumConverter"/>, numbers as JSON numbers
/// (the OpenAPI document is generated from these options too: it says so).
/// </summary>
public static class ResponseJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        // Bodies are read by JsonFields, which takes no number from a string; these options only write.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new IsoTimestampConverter());
        options.Converters.Add(new SnakeCaseEnumConverter());
    }
}
