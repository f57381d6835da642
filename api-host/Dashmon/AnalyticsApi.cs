using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
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

    public static RouteGroupBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireCaller(CallerRequirement.Read).RequirePremium();
        api.MapGet("/devices/{deviceId}/analytics", DeviceAsync);
        api.MapGet("/devices/{deviceId}/latency/percentiles", PercentilesAsync);
        api.MapGet("/reports/uptime", UptimeReportAsync);
        api.MapGet("/incidents", IncidentsAsync);
        return api;
    }

    private static IAnalyticsGrain Analytics(IClusterClient cluster) => cluster.GetGrain<IAnalyticsGrain>(0);

    private static ApiErrorResult BadQuery(string field, string message) =>
        ApiProblem.Invalid(new Dictionary<string, string> { [field] = message }, "Invalid query");

    /// <summary>
    /// Validates the span query (<paramref name="field"/> among <paramref name="allowed"/>) and asks the device for its
    /// figures in one call (the monitor grain checks that the caller sees it, then asks the analytics grain); or says why not.
    /// </summary>
    private static async Task<(ApiErrorResult? Error, Guid DeviceId, DeviceAnalytics? Figures)> FiguresAsync(
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

    private static async Task<Results<Ok<DeviceAnalyticsResponse>, ApiErrorResult>> DeviceAsync(string deviceId, string? range, ApiCaller caller, IClusterClient cluster)
    {
        range ??= "24h";
        var (error, id, figures) = await FiguresAsync(caller, cluster, deviceId, range, "range", ["24h", "7d", "30d", "90d"]);
        if (error is not null)
        {
            return error;
        }

        return TypedResults.Ok(DeviceAnalyticsResponse.Of(id, range, figures!));
    }

    private static async Task<Results<Ok<LatencyPercentilesResponse>, ApiErrorResult>> PercentilesAsync(string deviceId, string? window, ApiCaller caller, IClusterClient cluster)
    {
        window ??= "24h";
        var (error, id, figures) = await FiguresAsync(caller, cluster, deviceId, window, "window", ["1h", "24h", "7d", "30d"]);
        if (error is not null)
        {
            return error;
        }

        return TypedResults.Ok(new LatencyPercentilesResponse(
            id,
            window,
            figures!.Checks - figures.Failures,
            figures.P50,
            figures.P95,
            figures.P99,
            "nearest-rank over successful checks"));
    }

    private static async Task<Results<Ok<UptimeReportResponse>, ApiErrorResult>> UptimeReportAsync(string? period, string? excludeMaintenance, ApiCaller caller, IClusterClient cluster)
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
        return TypedResults.Ok(new UptimeReportResponse(
            period ?? "daily",
            report.Since,
            exclude,
            report.TimeZone,
            report.Devices.Select(d => new DeviceUptimeEntry(d.DeviceId, d.Name, d.ProjectId, UptimePeriodEntry.Of(d.Periods))).ToArray(),
            report.Projects.Select(p => new ProjectUptimeEntry(p.ProjectId, p.Name, UptimePeriodEntry.Of(p.Periods))).ToArray()));
    }

    private static async Task<Results<Ok<IncidentListResponse>, ApiErrorResult>> IncidentsAsync(string? status, ApiCaller caller, IClusterClient cluster, TimeProvider time)
    {
        if (status is not (null or "open" or "resolved" or "all"))
        {
            return BadQuery("status", "status must be open, resolved or all");
        }

        bool? open = status switch { "open" => true, "resolved" => false, _ => null };

        var incidents = await Analytics(cluster).IncidentsAsync(caller.Member, open, MaxIncidents);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new IncidentListResponse(
            status ?? "all",
            incidents.Select(i => new IncidentSummary(
                i.Id,
                i.DeviceId,
                i.DeviceName,
                i.ProjectId,
                i.ResolvedAt is null ? "open" : "resolved",
                i.StartedAt,
                i.ResolvedAt,
                Math.Round(((i.ResolvedAt ?? now) - i.StartedAt).TotalSeconds, 3),
                i.Cause,
                i.Resolution,
                i.AcknowledgedAt,
                i.AcknowledgedBy,
                i.AcknowledgedVia)).ToArray()));
    }
}
