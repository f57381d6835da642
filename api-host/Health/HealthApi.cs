using OrleansMonitor.GrainInterfaces.Silos;

namespace OrleansMonitor.ApiHost.Health;

/// <summary>
/// GET /api/health (readiness: cluster and database reachable, 503 otherwise; also the silos' heartbeat buffers) and
/// GET /health/live (liveness: the process answers; never depends on the database or the cluster).
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", () => Results.Json(new { status = "ok" }));
        routes.MapGet("/api/health", ReadyAsync);
        return routes;
    }

    private static async Task<IResult> ReadyAsync(IClusterClient cluster, ILoggerFactory loggers)
    {
        ClusterReport report;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            report = await cluster.GetGrain<IClusterReportGrain>(0).ReportAsync().WaitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or OrleansException)
        {
            loggers.CreateLogger(typeof(HealthApi)).LogWarning(ex, "Health check could not reach the cluster");
            return Results.Json(new { success = false, status = "unavailable", cluster = "down", database = "unknown" }, statusCode: 503);
        }

        var writers = report.Silos.Select(s => s.Writer).ToArray();
        var body = new
        {
            success = report.DatabaseReachable,
            status = report.DatabaseReachable ? "ok" : "degraded",
            cluster = "up",
            database = report.DatabaseReachable ? "up" : "down",
            silos = report.Silos.Count,
            silosUnanswered = report.Unanswered.Count,
            probes = new
            {
                maxInFlight = report.Silos.Sum(s => (long)s.Probes.MaxInFlight),
                inFlight = report.Silos.Sum(s => s.Probes.InFlight),
                waiting = report.Silos.Sum(s => s.Probes.Waiting),
                delayed = report.Silos.Sum(s => s.Probes.Delayed),
                skipped = report.Silos.Sum(s => s.Probes.Skipped),
            },
            heartbeatBuffer = new
            {
                pending = writers.Sum(w => w.Pending),
                pendingBytes = writers.Sum(w => w.PendingBytes),
                written = writers.Sum(w => w.Written),
                dropped = writers.Sum(w => w.Dropped),
                rejected = writers.Sum(w => w.Rejected),
                writing = writers.Any(w => w.DatabaseUnreachable) ? "failing" : "ok",
            },
        };
        return Results.Json(body, statusCode: report.DatabaseReachable ? 200 : 503);
    }
}
