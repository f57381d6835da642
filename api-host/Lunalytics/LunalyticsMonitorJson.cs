using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansMonitor.ApiHost.Lunalytics;

/// <summary>Maps grain snapshots to the Lunalytics Monitor, Heartbeat and Certificate objects.</summary>
public static class LunalyticsMonitorJson
{
    public static JsonObject Monitor(MonitorSnapshot monitor)
    {
        var config = monitor.Config;
        var isHttp = config.Type == MonitorType.Http;
        var json = new JsonObject
        {
            ["monitorId"] = monitor.MonitorId.ToString(),
            ["name"] = config.Name,
            ["url"] = config.Url,
            ["interval"] = config.Interval,
            ["retryInterval"] = config.RetryInterval,
            ["requestTimeout"] = config.RequestTimeout,
            ["method"] = isHttp ? config.Method : null,
            ["headers"] = isHttp ? Headers(config.Headers) : null,
            ["body"] = isHttp ? Body(config.Body) : null,
            ["valid_status_codes"] = isHttp ? new JsonArray((config.ValidStatusCodes ?? []).Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()) : null,
            ["email"] = monitor.OwnerEmail,
            ["type"] = config.Type.ToString().ToLowerInvariant(),
            ["port"] = config.Port,
            ["uptimePercentage"] = Math.Round(monitor.UptimePercentage, 2),
            ["averageHeartbeatLatency"] = Math.Round(monitor.AverageHeartbeatLatency, 0),
            ["lastCheck"] = monitor.LastCheck?.ToUnixTimeMilliseconds(),
            ["nextCheck"] = monitor.NextCheck?.ToUnixTimeMilliseconds(),
            ["isDown"] = monitor.IsDown,
            ["heartbeats"] = Heartbeats(monitor.Heartbeats),
            ["cert"] = Certificate(monitor.Certificate, monitor.NextCheck),
            ["latencyPercentiles"] = Percentiles(monitor.Percentiles),
        };
        return json;
    }

    public static JsonArray Heartbeats(IEnumerable<Heartbeat> heartbeats) =>
        new(heartbeats.Select(h => (JsonNode?)Heartbeat(h)).ToArray());

    public static JsonObject Heartbeat(Heartbeat heartbeat) => new()
    {
        ["id"] = heartbeat.Id,
        ["status"] = int.TryParse(heartbeat.Status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? JsonValue.Create(code) : JsonValue.Create(heartbeat.Status),
        ["latency"] = heartbeat.Latency,
        ["date"] = heartbeat.Date.ToUnixTimeMilliseconds(),
        ["isDown"] = heartbeat.IsDown,
        ["message"] = heartbeat.Message,
    };

    private static JsonObject Certificate(CertificateInfo? certificate, DateTimeOffset? nextCheck)
    {
        if (certificate is null)
        {
            return new JsonObject { ["isValid"] = false };
        }

        var issuer = new JsonObject();
        foreach (var (key, value) in certificate.Issuer)
        {
            issuer[key] = value;
        }

        return new JsonObject
        {
            ["isValid"] = certificate.IsValid,
            ["issuer"] = issuer,
            ["validFrom"] = OpenSslDate(certificate.ValidFrom),
            ["validTill"] = OpenSslDate(certificate.ValidTill),
            ["validOn"] = new JsonArray(certificate.ValidOn.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["daysRemaining"] = certificate.DaysRemaining,
            ["lastCheck"] = certificate.CheckedAt.ToUnixTimeMilliseconds(),
            ["nextCheck"] = nextCheck?.ToUnixTimeMilliseconds(),
        };
    }

    private static JsonObject Percentiles(IEnumerable<LatencyPercentiles> windows)
    {
        var json = new JsonObject();
        foreach (var window in windows)
        {
            json[window.Window] = new JsonObject { ["count"] = window.Count, ["p50"] = window.P50, ["p95"] = window.P95, ["p99"] = window.P99 };
        }

        return json;
    }

    private static JsonObject Headers(IReadOnlyDictionary<string, string>? headers)
    {
        var json = new JsonObject();
        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
        {
            json[key] = value;
        }

        return json;
    }

    private static JsonNode Body(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(body) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }

    /// <summary>The date form the doc shows: <c>Apr 11 03:50:40 2024 GMT</c>.</summary>
    private static string OpenSslDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("MMM d HH:mm:ss yyyy 'GMT'", CultureInfo.InvariantCulture);
}
