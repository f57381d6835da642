using System.Text.Json;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Lunalytics;

/// <summary>
/// The body of POST /api/monitor/add and /edit, read field by field into a <see cref="MonitorConfigPatch"/> so that a
/// wrong type is a 422 naming the field. Fields left out are not given: the monitor keeps them (or, on add, the
/// engine's defaults apply). Unknown fields are ignored (clients send back whole monitor objects). Rules on values
/// are the grain's.
/// </summary>
public static class MonitorPayload
{
    /// <summary>Reads a new monitor's settings: type http or tcp.</summary>
    public static (MonitorConfigPatch? Patch, Dictionary<string, string> Errors) ForCreate(JsonElement root) => Read(root, null);

    /// <summary>Reads an edit of a monitor of type <paramref name="current"/>: its own type may be sent back as it is shown.</summary>
    public static (MonitorConfigPatch? Patch, Dictionary<string, string> Errors) ForEdit(JsonElement root, MonitorType current) => Read(root, current);

    private static (MonitorConfigPatch?, Dictionary<string, string>) Read(JsonElement root, MonitorType? current)
    {
        var fields = new JsonFields(root);
        var type = Type(fields, current);
        var patch = new MonitorConfigPatch
        {
            Name = fields.String("name", 1000),
            Type = type,
            Url = fields.String("url", 2048),
            Port = fields.Integer("port"),
            Method = fields.String("method", 16),
            Headers = fields.StringMap("headers"),
            Body = fields.RawJson("body"),
            ValidStatusCodes = fields.StringList("valid_status_codes"),
            Interval = fields.Integer("interval"),
            RetryInterval = fields.Integer("retryInterval"),
            RequestTimeout = fields.Integer("requestTimeout"),
        };

        return (fields.Errors.Count == 0 ? patch : null, fields.Errors);
    }

    /// <summary>http or tcp; the type a monitor already has (dns, say, as GET /api/monitor/id shows it) changes nothing.</summary>
    private static MonitorType? Type(JsonFields fields, MonitorType? current)
    {
        var text = fields.String("type", 16)?.Trim().ToLowerInvariant();
        switch (text)
        {
            case null:
                return null;
            case "http":
                return MonitorType.Http;
            case "tcp":
                return MonitorType.Tcp;
        }

        if (current is { } own && text == own.ToString().ToLowerInvariant())
        {
            return own;
        }

        fields.Errors["type"] = "Type must be http or tcp";
        return null;
    }
}
