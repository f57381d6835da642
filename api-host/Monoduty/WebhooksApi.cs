using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.ApiHost.Monoduty.Responses;
using OrleansMonitor.GrainInterfaces.Webhooks;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>
/// The Monoduty webhooks of the caller's workspace: any member lists and reads them (with their inbound URL and
/// statistics) and their deliveries, admins and owners create, delete and test them. Unknown, malformed or another workspace's ids: 404.
/// Every error in the <see cref="MonodutyError"/> body.
/// </summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/webhooks").AddEndpointFilter<MonodutyErrorFilter>();
        var readers = group.MapGroup("").RequireCaller(CallerRequirement.Read);
        readers.MapGet("/", ListAsync);
        readers.MapGet("/{id}", GetAsync);
        readers.MapGet("/{id}/deliveries", DeliveriesAsync);
        var managers = group.MapGroup("").RequireCaller(CallerRequirement.Manage);
        managers.MapPost("/", CreateAsync);
        managers.MapDelete("/{id}", DeleteAsync);
        managers.MapPost("/{id}/test", TestAsync);
        return group;
    }

    private static async Task<Ok<WebhookListResponse>> ListAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster, IOptions<MonodutyOptions> options)
    {
        var webhooks = await cluster.GetGrain<IWebhooksGrain>(caller.WorkspaceId).ListAsync(caller.Member);
        return TypedResults.Ok(new WebhookListResponse([.. webhooks.Select(w => View(w, request, options.Value))], webhooks.Count));
    }

    private static async Task<Results<Ok<WebhookResponse>, MonodutyErrorResult>> GetAsync(
        string id, ApiCaller caller, HttpRequest request, IClusterClient cluster, IOptions<MonodutyOptions> options)
    {
        if (!Guid.TryParse(id, out var webhookId)
            || await cluster.GetGrain<IWebhooksGrain>(caller.WorkspaceId).GetAsync(caller.Member, webhookId) is not { } webhook)
        {
            return MonodutyProblem.NotFound("Webhook");
        }

        return TypedResults.Ok(new WebhookResponse(View(webhook, request, options.Value)));
    }

    private static async Task<Results<Ok<WebhookDeliveriesResponse>, MonodutyErrorResult>> DeliveriesAsync(string id, ApiCaller caller, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var webhookId)
            || await cluster.GetGrain<IWebhooksGrain>(caller.WorkspaceId).DeliveriesAsync(caller.Member, webhookId) is not { } deliveries)
        {
            return MonodutyProblem.NotFound("Webhook");
        }

        return TypedResults.Ok(new WebhookDeliveriesResponse(webhookId, [.. deliveries.Select(WebhookDeliveryView.Of)], deliveries.Count));
    }

    private static async Task<Results<Created<WebhookResponse>, MonodutyErrorResult>> CreateAsync(
        ApiCaller caller, HttpRequest request, IClusterClient cluster, IOptions<MonodutyOptions> options)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return MonodutyProblem.From(error);
        }

        var (webhook, errors) = WebhookPayload.Read(root);
        if (webhook is null)
        {
            return MonodutyProblem.Validation(errors, "Invalid webhook");
        }

        var outcome = await cluster.GetGrain<IWebhooksGrain>(caller.WorkspaceId).CreateAsync(caller.Member, webhook);
        return outcome switch
        {
            { Webhook: { } created } => TypedResults.Created($"/api/webhooks/{created.Id}", new WebhookResponse(View(created, request, options.Value))),
            { LimitReached: true } => new MonodutyErrorResult(
                StatusCodes.Status403Forbidden, "WEBHOOK_LIMIT_REACHED", $"A workspace has at most {outcome.Limit} webhooks; delete one first"),
            _ => MonodutyProblem.Validation(outcome.Errors ?? new Dictionary<string, string>(), "Invalid webhook"),
        };
    }

    private static async Task<Results<Ok<SuccessResponse>, MonodutyErrorResult>> DeleteAsync(string id, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(id, out var webhookId) && await cluster.GetGrain<IWebhooksGrain>(caller.WorkspaceId).DeleteAsync(caller.Member, webhookId)
            ? TypedResults.Ok(new SuccessResponse())
            : MonodutyProblem.NotFound("Webhook");

    private static async Task<Results<Ok<DeliveriesResponse>, MonodutyErrorResult>> TestAsync(string id, ApiCaller caller, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var webhookId))
        {
            return MonodutyProblem.NotFound("Webhook");
        }

        var outcome = await cluster.GetGrain<IWebhooksGrain>(caller.WorkspaceId).TestAsync(caller.Member, webhookId);
        return outcome.Found
            ? TypedResults.Ok(new DeliveriesResponse(outcome.CallId, outcome.DeliveryIds ?? []))
            : MonodutyProblem.NotFound("Webhook");
    }

    private static WebhookView View(WebhookInfo webhook, HttpRequest request, MonodutyOptions options) =>
        WebhookView.Of(webhook, options.InboundUrl(request, webhook.Token));
}
