using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Health.Responses;
using OrleansMonitor.GrainInterfaces.Silos;

namespace OrleansMonitor.ApiHost.Health;

/// <summary>
/// GET /api/health (readiness: cluster and database reachable, 503 otherwise; also the silos' heartbeat buffers) and
/// GET /health/live (liveness: the process answers; never depends on the database or the cluster).
/// </summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var health = routes.MapGroup("");
        health.MapGet("/health/live", Live);
        health.MapGet("/api/health", ReadyAsync);
        return health;
    }

    private static Ok<LivenessResponse> Live() => TypedResults.Ok(new LivenessResponse("ok"));

    private static async Task<Results<Ok<ReadinessResponse>, JsonHttpResult<ReadinessResponse>, JsonHttpResult<ClusterUnavailableResponse>>> ReadyAsync(
        IClusterClient cluster, ILoggerFactory loggers)
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
            return TypedResults.Json(
                new ClusterUnavailableResponse(Success: false, Status: "unavailable", Cluster: "down", Database: "unknown"),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var writers = report.Silos.Select(s => s.Writer).ToArray();
        var body = new ReadinessResponse(
            Success: report.DatabaseReachable,
            Status: report.DatabaseReachable ? "ok" : "degraded",
            Cluster: "up",
            Database: report.DatabaseReachable ? "up" : "down",
            Silos: report.Silos.Count,
            SilosUnanswered: report.Unanswered.Count,
            Probes: new ProbeSlotsStatus(
                MaxInFlight: report.Silos.Sum(s => (long)s.Probes.MaxInFlight),
                InFlight: report.Silos.Sum(s => s.Probes.InFlight),
                Waiting: report.Silos.Sum(s => s.Probes.Waiting),
                Delayed: report.Silos.Sum(s => s.Probes.Delayed),
                Skipped: report.Silos.Sum(s => s.Probes.Skipped)),
            HeartbeatBuffer: new HeartbeatBufferStatus(
                Pending: writers.Sum(w => w.Pending),
                PendingBytes: writers.Sum(w => w.PendingBytes),
                Written: writers.Sum(w => w.Written),
                Dropped: writers.Sum(w => w.Dropped),
                Rejected: writers.Sum(w => w.Rejected),
                Writing: writers.Any(w => w.DatabaseUnreachable) ? "failing" : "ok"));
        return report.DatabaseReachable
            ? TypedResults.Ok(body)
            : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
