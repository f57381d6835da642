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
    private const string TypeMessage = "Type must be http or tcp";

    /// <summary>Reads a new monitor's settings: type http or tcp.</summary>
    public static (MonitorConfigPatch? Patch, Dictionary<string, string> Errors) ForCreate(JsonElement root) => Read(root, null, sentBack: false);

    /// <summary>
    /// Reads an edit without knowing the monitor: another type than http or tcp may be the monitor's own sent back as it
    /// is shown, so it becomes <see cref="MonitorConfigPatch.OnlyForType"/> and the grain decides (a monitor of another
    /// type answers <see cref="MonitorOutcome.WrongType"/>, shown as <see cref="TypeRefused"/>).
    /// </summary>
    public static (MonitorConfigPatch? Patch, Dictionary<string, string> Errors) ForEdit(JsonElement root) => Read(root, null, sentBack: true);

    /// <summary>Reads an edit of a monitor of type <paramref name="current"/>: its own type may be sent back as it is shown.</summary>
    public static (MonitorConfigPatch? Patch, Dictionary<string, string> Errors) ForEdit(JsonElement root, MonitorType current) => Read(root, current, sentBack: false);

    /// <summary>The errors of an edit whose type is neither http, tcp nor the monitor's own.</summary>
    public static Dictionary<string, string> TypeRefused() => new(StringComparer.Ordinal) { ["type"] = TypeMessage };

    private static (MonitorConfigPatch?, Dictionary<string, string>) Read(JsonElement root, MonitorType? current, bool sentBack)
    {
        var fields = new JsonFields(root);
        var (type, onlyFor) = Type(fields, current, sentBack);
        var patch = new MonitorConfigPatch
        {
            Name = fields.String("name", 1000),
            Type = type,
            OnlyForType = onlyFor,
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

    /// <summary>
    /// http or tcp; the type a monitor already has (dns, say, as GET /api/monitor/id shows it) changes nothing: given
    /// <paramref name="current"/>, it is that type; <paramref name="sentBack"/> (the monitor unknown), any type the
    /// engine has is taken as the one sent back, for the grain to check.
    /// </summary>
    private static (MonitorType? Type, MonitorType? OnlyFor) Type(JsonFields fields, MonitorType? current, bool sentBack)
    {
        var text = fields.String("type", 16)?.Trim().ToLowerInvariant();
        switch (text)
        {
            case null:
                return (null, null);
            case "http":
                return (MonitorType.Http, null);
            case "tcp":
                return (MonitorType.Tcp, null);
        }

        if (current is { } own && text == Name(own))
        {
            return (own, null);
        }

        if (sentBack && Enum.GetValues<MonitorType>().Where(t => text == Name(t)).Select(t => (MonitorType?)t).FirstOrDefault() is { } shown)
        {
            return (null, shown);
        }

        fields.Errors["type"] = TypeMessage;
        return (null, null);
    }

    private static string Name(MonitorType type) => type.ToString().ToLowerInvariant();
}
