using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.GrainInterfaces.Heartbeats;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// POST /api/incoming/heartbeat/:token — public receiver for heartbeat (push) devices. Unknown token: 404, nothing
/// recorded. Rate-limited per token (<see cref="HeartbeatReceiverRateLimit"/>); the token never appears in logs.
/// </summary>
public static class HeartbeatReceiverApi
{
    public static IEndpointRouteBuilder MapHeartbeatReceiverApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/incoming/heartbeat/{token}", ReceiveAsync).RequireRateLimiting(HeartbeatReceiverRateLimit.PolicyName);
        return routes;
    }

    private static async Task<Results<Ok<HeartbeatReceivedResponse>, ApiErrorResult>> ReceiveAsync(string token, IClusterClient cluster, TimeProvider time) =>
        await cluster.GetGrain<IHeartbeatReceiverGrain>(0).ReceiveAsync(token)
            ? TypedResults.Ok(new HeartbeatReceivedResponse(time.GetUtcNow()))
            : ApiProblem.NotFound("Heartbeat token");
}
