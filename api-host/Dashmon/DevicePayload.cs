using System.Text.Json;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// Reads a Dashmon device body (POST /api/projects/:id/devices, PUT /api/devices/:id) into a monitor configuration,
/// overlaying the current one on update. Shapes only; the monitor grain applies the rules.
/// </summary>
public static class DevicePayload
{
    public static (MonitorConfig? Config, Dictionary<string, string> Errors) Read(JsonElement root, MonitorConfig? current)
    {
        var fields = new JsonFields(root);
        var typeText = fields.String("type", 16);
        MonitorType? type = typeText is null ? current?.Type : DeviceJson.ParseType(typeText);
        if (type is null && !fields.Errors.ContainsKey("type"))
        {
            fields.Errors["type"] = "type must be one of http, tcp, ping, dns, heartbeat";
        }

        var keep = current is not null && (type is null || type == current.Type);
        var interval = fields.Integer("interval") ?? current?.Interval ?? 60;
        var dns = root.TryGetProperty("dns", out var dnsElement) && dnsElement.ValueKind != JsonValueKind.Null
            ? ReadDns(dnsElement, fields.Errors, "dns.")
            : keep ? current!.Dns : null;
        var heartbeat = root.TryGetProperty("heartbeat", out var pushElement) && pushElement.ValueKind != JsonValueKind.Null
            ? ReadHeartbeat(pushElement, keep ? current!.Heartbeat : null, fields.Errors, "heartbeat.")
            : keep ? current!.Heartbeat : null;
        if (type == MonitorType.Heartbeat && heartbeat is null)
        {
            heartbeat = new HeartbeatCheck(interval, 60, "");
        }

        var config = new MonitorConfig
        {
            Name = fields.String("name", 1000) ?? current?.Name ?? "",
            Type = type ?? MonitorType.Http,
            Url = fields.String("url", 2048) ?? fields.String("host", 2048) ?? (keep ? current!.Url : ""),
            Port = fields.Integer("port") ?? (keep ? current!.Port : null),
            Method = fields.String("method", 16) ?? (keep ? current!.Method : null),
            Headers = fields.StringMap("headers") ?? (keep ? current!.Headers : null),
            Body = fields.RawJson("body") ?? (keep ? current!.Body : null),
            ValidStatusCodes = fields.StringList("expectedStatus") ?? fields.StringList("valid_status_codes") ?? (keep ? current!.ValidStatusCodes : null),
            Interval = interval,
            RetryInterval = fields.Integer("retryInterval") ?? current?.RetryInterval ?? interval,
            RequestTimeout = fields.Integer("timeout") ?? fields.Integer("requestTimeout") ?? current?.RequestTimeout ?? 30,
            Dns = dns,
            Heartbeat = heartbeat,
            Assertions = keep ? current!.Assertions : null,
        };
        return (fields.Errors.Count == 0 ? config : null, fields.Errors);
    }

    public static DnsCheck? ReadDns(JsonElement element, Dictionary<string, string> errors, string prefix = "")
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
        var expected = fields.StringList("expected", 20) ?? [];
        var match = fields.String("match", 8) ?? "any";
        if (match is not ("any" or "all"))
        {
            fields.Errors["match"] = "match must be any or all";
        }

        foreach (var (field, message) in fields.Errors)
        {
            errors[prefix + field] = message;
        }

        return new DnsCheck(recordType ?? "", name ?? "", string.IsNullOrWhiteSpace(resolver) ? null : resolver, expected, match == "all");
    }

    public static HeartbeatCheck? ReadHeartbeat(JsonElement element, HeartbeatCheck? current, Dictionary<string, string> errors, string prefix = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors[prefix.TrimEnd('.') is { Length: > 0 } p ? p : "heartbeat"] = "heartbeat settings must be an object";
            return null;
        }

        var fields = new JsonFields(element);
        var interval = fields.Integer("interval") ?? current?.IntervalSeconds ?? 60;
        var grace = fields.Integer("grace") ?? current?.GraceSeconds ?? 60;
        foreach (var (field, message) in fields.Errors)
        {
            errors[prefix + field] = message;
        }

        // The token stays the monitor's business: an empty one means "keep (or create) the current token".
        return new HeartbeatCheck(interval, grace, "");
    }
}
