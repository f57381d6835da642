using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Monoduty.Responses;
using OrleansMonitor.GrainInterfaces.Webhooks;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>
/// <c>POST /hooks/:token</c>: the public inbound URL of a webhook; the token is the credential. The alert is recorded
/// as a call and fanned out through the outbox (202 with the delivery ids). Unknown token, deleted or disabled
/// webhook: 404, nothing recorded. Rate-limited per token (<see cref="InboundRateLimit"/>); the token is never logged.
/// </summary>
public static class InboundWebhookApi
{
    public static IEndpointRouteBuilder MapInboundWebhookApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/hooks/{token}", ReceiveAsync).AddEndpointFilter<MonodutyErrorFilter>();
        return routes;
    }

    private static async Task<Results<Accepted<DeliveriesResponse>, MonodutyErrorResult>> ReceiveAsync(
        string token, HttpRequest request, InboundRateLimit limit, IClusterClient cluster)
    {
        var wait = limit.TryAcquire(token);
        if (wait > TimeSpan.Zero)
        {
            return MonodutyProblem.TooManyRequests(request.HttpContext.Response, wait, "Too many alerts for this webhook");
        }

        var (alert, error) = await InboundPayload.ReadAsync(request);
        if (alert is null)
        {
            return error!;
        }

        var outcome = await cluster.GetGrain<IInboundWebhookGrain>(0).ReceiveAsync(token, alert);
        return outcome.Found
            ? TypedResults.Accepted((string?)null, new DeliveriesResponse(outcome.CallId, outcome.DeliveryIds ?? []))
            : MonodutyProblem.NotFound("Webhook");
    }
}
