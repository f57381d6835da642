using System.Text.Json;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Lunalytics;

/// <summary>
/// The body of POST /api/monitor/add and /edit, read field by field so that a wrong type is a 422 naming the field.
/// Unknown fields are ignored (clients send back whole monitor objects). Rules on values are the grain's.
/// </summary>
public static class MonitorPayload
{
    public const int DefaultInterval = 60;
    public const int DefaultRequestTimeout = 30;

    /// <summary>Reads a new monitor's configuration.</summary>
    public static (MonitorConfig? Config, Dictionary<string, string> Errors) ForCreate(JsonElement root) => Read(root, null);

    /// <summary>Overlays the fields present in <paramref name="root"/> onto <paramref name="current"/>.</summary>
    public static (MonitorConfig? Config, Dictionary<string, string> Errors) ForEdit(JsonElement root, MonitorConfig current) => Read(root, current);

    private static (MonitorConfig?, Dictionary<string, string>) Read(JsonElement root, MonitorConfig? current)
    {
        var fields = new JsonFields(root);
        var typeText = fields.String("type", 16);
        MonitorType? type = typeText?.Trim().ToLowerInvariant() switch
        {
            null => current?.Type,
            "http" => MonitorType.Http,
            "tcp" => MonitorType.Tcp,
            _ => null,
        };
        if (type is null && !fields.Errors.ContainsKey("type"))
        {
            fields.Errors["type"] = "Type must be http or tcp";
        }

        var interval = fields.Integer("interval") ?? current?.Interval ?? DefaultInterval;
        var typeChanged = current is not null && type is not null && type != current.Type;
        var config = new MonitorConfig
        {
            Name = fields.String("name", 1000) ?? current?.Name ?? "",
            Type = type ?? MonitorType.Http,
            Url = fields.String("url", 2048) ?? current?.Url ?? "",
            Port = fields.Integer("port") ?? (typeChanged ? null : current?.Port),
            Method = fields.String("method", 16) ?? (typeChanged ? null : current?.Method),
            Headers = fields.StringMap("headers") ?? (typeChanged ? null : current?.Headers),
            Body = fields.RawJson("body") ?? (typeChanged ? null : current?.Body),
            ValidStatusCodes = fields.StringList("valid_status_codes") ?? (typeChanged ? null : current?.ValidStatusCodes),
            Interval = interval,
            RetryInterval = fields.Integer("retryInterval") ?? current?.RetryInterval ?? interval,
            RequestTimeout = fields.Integer("requestTimeout") ?? current?.RequestTimeout ?? DefaultRequestTimeout,
        };

        return (fields.Errors.Count == 0 ? config : null, fields.Errors);
    }
}
