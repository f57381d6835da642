namespace OrleansMonitor.ApiHost.Health;

/// <summary>
/// GET /api/health (readiness: cluster and database reachable, 503 otherwise) and GET /health/live (liveness:
/// the process answers; never depends on the database or the cluster).
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
        bool database;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            database = await cluster.GetGrain<IAccountsGrain>(0).PingDatabaseAsync().WaitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or OrleansException)
        {
            loggers.CreateLogger(typeof(HealthApi)).LogWarning(ex, "Health check could not reach the cluster");
            return Results.Json(new { success = false, status = "unavailable", cluster = "down", database = "unknown" }, statusCode: 503);
        }

        return database
            ? Results.Json(new { success = true, status = "ok", cluster = "up", database = "up" })
            : Results.Json(new { success = false, status = "degraded", cluster = "up", database = "down" }, statusCode: 503);
    }
}
