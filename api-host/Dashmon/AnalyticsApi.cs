using System.Text.Json.Nodes;
using OrleansMonitor.GrainInterfaces.Analytics;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>Device analytics and latency percentiles, the uptime report and the incident list.</summary>
public static class AnalyticsApi
{
    /// <summary>GET /api/incidents lists at most this many, newest first.</summary>
    public const int MaxIncidents = 500;

    private static readonly Dictionary<string, TimeSpan> Ranges = new(StringComparer.Ordinal)
    {
        ["1h"] = TimeSpan.FromHours(1),
        ["24h"] = TimeSpan.FromHours(24),
        ["7d"] = TimeSpan.FromDays(7),
        ["30d"] = TimeSpan.FromDays(30),
        ["90d"] = TimeSpan.FromDays(90),
    };

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/devices/{deviceId}/analytics", DeviceAsync).RequireCaller(CallerRequirement.Read).RequirePremium();
        routes.MapGet("/api/devices/{deviceId}/latency/percentiles", PercentilesAsync).RequireCaller(CallerRequirement.Read).RequirePremium();
        routes.MapGet("/api/reports/uptime", UptimeReportAsync).RequireCaller(CallerRequirement.Read).RequirePremium();
        routes.MapGet("/api/incidents", IncidentsAsync).RequireCaller(CallerRequirement.Read).RequirePremium();
        return routes;
    }

    private static IAnalyticsGrain Analytics(IClusterClient cluster) => cluster.GetGrain<IAnalyticsGrain>(0);

    private static IResult BadQuery(string field, string message) =>
        ApiProblem.Invalid(new Dictionary<string, string> { [field] = message }, "Invalid query");

    /// <summary>
    /// Validates the span query (<paramref name="field"/> among <paramref name="allowed"/>) and asks the device for its
    /// figures in one call (the monitor grain checks that the caller sees it, then asks the analytics grain); or says why not.
    /// </summary>
    private static async Task<(IResult? Error, Guid DeviceId, DeviceAnalytics? Figures)> FiguresAsync(
        ApiCaller caller, IClusterClient cluster, string deviceId, string span, string field, string[] allowed)
    {
        if (!allowed.Contains(span) || !Ranges.TryGetValue(span, out var length))
        {
            return (BadQuery(field, $"{field} must be {string.Join(", ", allowed[..^1])} or {allowed[^1]}"), Guid.Empty, null);
        }

        return Guid.TryParse(deviceId, out var id) && await cluster.GetGrain<IMonitorGrain>(id).GetAnalyticsAsync(caller.Member, length) is { } figures
            ? (null, id, figures)
            : (ApiProblem.NotFound("Device"), Guid.Empty, null);
    }

    private static async Task<IResult> DeviceAsync(string deviceId, string? range, ApiCaller caller, IClusterClient cluster)
    {
        range ??= "24h";
        var (error, id, figures) = await FiguresAsync(caller, cluster, deviceId, range, "range", ["24h", "7d", "30d", "90d"]);
        return error ?? Results.Json(new
        {
            success = true,
            deviceId = id,
            range,
            from = DeviceJson.Iso(figures!.From),
            to = DeviceJson.Iso(figures.To),
            uptimePercentage = figures.UptimePercentage,
            checks = figures.Checks,
            failures = figures.Failures,
            downtimeSeconds = figures.DowntimeSeconds,
            incidents = figures.Incidents,
            latency = new { average = figures.AverageLatencyMs, p50 = figures.P50, p95 = figures.P95, p99 = figures.P99 },
        });
    }

    private static async Task<IResult> PercentilesAsync(string deviceId, string? window, ApiCaller caller, IClusterClient cluster)
    {
        window ??= "24h";
        var (error, id, figures) = await FiguresAsync(caller, cluster, deviceId, window, "window", ["1h", "24h", "7d", "30d"]);
        return error ?? Results.Json(new
        {
            success = true,
            deviceId = id,
            window,
            samples = figures!.Checks - figures.Failures,
            p50 = figures.P50,
            p95 = figures.P95,
            p99 = figures.P99,
            method = "nearest-rank over successful checks",
        });
    }

    private static async Task<IResult> UptimeReportAsync(string? period, string? excludeMaintenance, ApiCaller caller, IClusterClient cluster)
    {
        ReportPeriod? choice = (period ?? "daily") switch
        {
            "daily" => ReportPeriod.Daily,
            "weekly" => ReportPeriod.Weekly,
            "monthly" => ReportPeriod.Monthly,
            _ => null,
        };
        if (choice is not { } chosen)
        {
            return BadQuery("period", "period must be daily, weekly or monthly");
        }

        if (excludeMaintenance is not (null or "true" or "false"))
        {
            return BadQuery("excludeMaintenance", "excludeMaintenance must be true or false");
        }

        var exclude = excludeMaintenance == "true";
        var report = await cluster.GetGrain<IReportsGrain>(0).UptimeAsync(caller.Member, chosen, exclude);
        return Results.Json(new JsonObject
        {
            ["success"] = true,
            ["period"] = period ?? "daily",
            ["since"] = DeviceJson.Iso(report.Since),
            ["excludeMaintenance"] = exclude,
            ["timezone"] = report.TimeZone,
            ["devices"] = new JsonArray(report.Devices.Select(d => (JsonNode?)new JsonObject
            {
                ["deviceId"] = d.DeviceId.ToString(),
                ["name"] = d.Name,
                ["projectId"] = d.ProjectId.ToString(),
                ["periods"] = Periods(d.Periods),
            }).ToArray()),
            ["projects"] = new JsonArray(report.Projects.Select(p => (JsonNode?)new JsonObject
            {
                ["projectId"] = p.ProjectId.ToString(),
                ["name"] = p.Name,
                ["periods"] = Periods(p.Periods),
            }).ToArray()),
        });
    }

    private static JsonArray Periods(IReadOnlyList<UptimePeriod> periods) =>
        new(periods.Select(p => (JsonNode?)new JsonObject
        {
            ["start"] = DeviceJson.Iso(p.Start),
            ["checks"] = p.Checks,
            ["upChecks"] = p.UpChecks,
            ["uptimePercentage"] = p.UptimePercentage,
        }).ToArray());

    private static async Task<IResult> IncidentsAsync(string? status, ApiCaller caller, IClusterClient cluster, TimeProvider time)
    {
        if (status is not (null or "open" or "resolved" or "all"))
        {
            return BadQuery("status", "status must be open, resolved or all");
        }

        bool? open = status switch { "open" => true, "resolved" => false, _ => null };

        var incidents = await Analytics(cluster).IncidentsAsync(caller.Member, open, MaxIncidents);
        var now = time.GetUtcNow();
        return Results.Json(new JsonObject
        {
            ["success"] = true,
            ["status"] = status ?? "all",
            ["incidents"] = new JsonArray(incidents.Select(i => (JsonNode?)new JsonObject
            {
                ["id"] = i.Id,
                ["deviceId"] = i.DeviceId.ToString(),
                ["deviceName"] = i.DeviceName,
                ["projectId"] = i.ProjectId?.ToString(),
                ["status"] = i.ResolvedAt is null ? "open" : "resolved",
                ["start"] = DeviceJson.Iso(i.StartedAt),
                ["end"] = DeviceJson.Iso(i.ResolvedAt),
                ["durationSeconds"] = Math.Round(((i.ResolvedAt ?? now) - i.StartedAt).TotalSeconds, 3),
                ["cause"] = i.Cause,
                ["resolution"] = i.Resolution,
            }).ToArray()),
        });
    }
}
