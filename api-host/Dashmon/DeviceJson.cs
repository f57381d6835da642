using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>Dashmon's device type names (read and written) and the shared timestamp format, for the Dashmon readers.</summary>
public static class DeviceJson
{
    public static readonly IReadOnlyList<string> TypeNames = [.. Enum.GetValues<MonitorType>().Select(TypeName)];

    public static MonitorType? ParseType(string text) => text.Trim().ToLowerInvariant() switch
    {
        "http" => MonitorType.Http,
        "tcp" => MonitorType.Tcp,
        "ping" => MonitorType.Ping,
        "dns" => MonitorType.Dns,
        "heartbeat" => MonitorType.Heartbeat,
        _ => null,
    };

    public static string TypeName(MonitorType type) => SnakeCaseEnumConverter.Name(type);

    public static string? Iso(DateTimeOffset? value) => IsoTimestampConverter.Format(value);
}
