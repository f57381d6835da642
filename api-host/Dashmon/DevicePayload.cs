using System.Text.Json;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// Reads Dashmon device bodies (POST /api/projects/:id/devices, PUT /api/devices/:id, the dns-config and
/// heartbeat-config bodies) into a <see cref="MonitorConfigPatch"/>. Fields left out are not given: the device keeps
/// them (or, on create, the engine's defaults apply). Shapes only; the monitor grain applies the rules.
/// </summary>
public static class DevicePayload
{
    public static (MonitorConfigPatch? Patch, Dictionary<string, string> Errors) Read(JsonElement root)
    {
        var fields = new JsonFields(root);
        var typeText = fields.String("type", 16);
        var type = typeText is null ? null : DeviceJson.ParseType(typeText);
        if (typeText is not null && type is null)
        {
            fields.Errors["type"] = "type must be one of " + string.Join(", ", DeviceJson.TypeNames);
        }

        var patch = new MonitorConfigPatch
        {
            Name = fields.String("name", 1000),
            Type = type,
            Url = fields.String("url", 2048) ?? fields.String("host", 2048),
            Port = fields.Integer("port"),
            Method = fields.String("method", 16),
            Headers = fields.StringMap("headers"),
            Body = fields.RawJson("body"),
            ValidStatusCodes = fields.StringList("expectedStatus") ?? fields.StringList("valid_status_codes"),
            Interval = fields.Integer("interval"),
            RetryInterval = fields.Integer("retryInterval"),
            RequestTimeout = fields.Integer("timeout") ?? fields.Integer("requestTimeout"),
            Dns = JsonFields.Given(root, "dns") is { } dns ? ReadDns(dns, fields.Errors, "dns.") : null,
            Heartbeat = JsonFields.Given(root, "heartbeat") is { } push ? ReadHeartbeat(push, fields.Errors, "heartbeat.") : null,
            ParentId = ReadParentId(root, fields.Errors),
        };
        return (fields.Errors.Count == 0 ? patch : null, fields.Errors);
    }

    /// <summary>
    /// <c>parentId</c>: a device id (UUID text), or null to remove the parent (<see cref="Guid.Empty"/> in the patch);
    /// left out, the parent is kept. Whether the device exists and may be the parent is the workspace's question.
    /// </summary>
    public static Guid? ReadParentId(JsonElement root, Dictionary<string, string> errors)
    {
        if (!root.TryGetProperty("parentId", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return Guid.Empty;
        }

        if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id) && id != Guid.Empty)
        {
            return id;
        }

        errors["parentId"] = "parentId must be a device id (UUID) or null";
        return null;
    }

    /// <summary>DNS settings; each part left out is kept. <c>"resolver": null</c> returns to the system resolvers.</summary>
    public static DnsCheckPatch? ReadDns(JsonElement element, Dictionary<string, string> errors, string prefix = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors[prefix.TrimEnd('.') is { Length: > 0 } p ? p : "dns"] = "DNS settings must be an object";
            return null;
        }

        var fields = new JsonFields(element);
        var recordType = fields.String("recordType", 16);
        var name = fields.String("name", 300);
        var resolver = fields.String("resolver", 100);
        if (resolver is null && element.TryGetProperty("resolver", out var cleared) && cleared.ValueKind == JsonValueKind.Null)
        {
            resolver = "";
        }

        var expected = fields.StringList("expected", 20);
        var match = fields.String("match", 8);
        if (match is not (null or "any" or "all"))
        {
            fields.Errors["match"] = "match must be any or all";
        }

        foreach (var (field, message) in fields.Errors)
        {
            errors[prefix + field] = message;
        }

        return new DnsCheckPatch(recordType, name, resolver, expected, match switch { "any" => false, "all" => true, _ => null });
    }

    /// <summary>Heartbeat settings (interval, grace); each part left out is kept. The receiver token is the monitor's business.</summary>
    public static HeartbeatPatch? ReadHeartbeat(JsonElement element, Dictionary<string, string> errors, string prefix = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors[prefix.TrimEnd('.') is { Length: > 0 } p ? p : "heartbeat"] = "heartbeat settings must be an object";
            return null;
        }

        var fields = new JsonFields(element);
        var patch = new HeartbeatPatch(fields.Integer("interval"), fields.Integer("grace"));
        foreach (var (field, message) in fields.Errors)
        {
            errors[prefix + field] = message;
        }

        return patch;
    }
}
