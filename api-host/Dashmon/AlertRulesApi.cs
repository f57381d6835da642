using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// The workspace's alert rules: GET and PUT /api/alerts/email, GET and PUT /api/alerts/sms and POST /api/alerts/sms/test
/// (Premium), and GET /api/alerts/deliveries/:id to poll what a test-send queued. Any member reads; admins and owners
/// change the rules and send tests.
/// </summary>
public static class AlertRulesApi
{
    public static RouteGroupBuilder MapAlertRulesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/alerts");
        var readers = group.MapGroup("").RequireCaller(CallerRequirement.Read);
        var managers = group.MapGroup("").RequireCaller(CallerRequirement.Manage);
        readers.MapGet("/email", (ApiCaller caller, IClusterClient cluster) => GetAsync(ChannelKind.Email, caller, cluster));
        managers.MapPut("/email", (ApiCaller caller, HttpRequest request, IClusterClient cluster) => PutAsync(ChannelKind.Email, caller, request, cluster));
        readers.MapGet("/sms", (ApiCaller caller, IClusterClient cluster) => GetAsync(ChannelKind.Sms, caller, cluster)).RequirePremium();
        managers.MapPut("/sms", (ApiCaller caller, HttpRequest request, IClusterClient cluster) => PutAsync(ChannelKind.Sms, caller, request, cluster)).RequirePremium();
        managers.MapPost("/sms/test", SmsTestAsync).RequirePremium();
        readers.MapGet("/deliveries/{deliveryId}", GetDeliveryAsync);
        return group;
    }

    private static async Task<Ok<AlertRuleResponse>> GetAsync(ChannelKind channel, ApiCaller caller, IClusterClient cluster) =>
        TypedResults.Ok(AlertRuleResponse.Of(await cluster.GetGrain<IAlertRulesGrain>(caller.WorkspaceId).GetAsync(caller.Member, channel)));

    private static async Task<Results<Ok<AlertRuleResponse>, ApiErrorResult>> PutAsync(ChannelKind channel, ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var (rule, errors) = AlertRulePayload.Read(root);
        if (rule is null)
        {
            return ApiProblem.Invalid(errors, "Invalid alert rule");
        }

        var outcome = await cluster.GetGrain<IAlertRulesGrain>(caller.WorkspaceId).SetAsync(caller.Member, channel, rule);
        return outcome switch
        {
            { Rule: { } saved } => TypedResults.Ok(AlertRuleResponse.Of(saved)),
            { ScopeForbids: true } => ApiProblem.ScopeForbids(),
            _ => ApiProblem.Invalid(outcome.Errors ?? new Dictionary<string, string>(), "Invalid alert rule"),
        };
    }

    private static async Task<Results<Accepted<TestSendResponse>, ApiErrorResult>> SmsTestAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        string? to = null;
        if (request.ContentLength > 0 || request.ContentType is not null)
        {
            var (root, error) = await JsonBody.ReadObjectAsync(request);
            if (error is not null)
            {
                return error;
            }

            var fields = new JsonFields(root);
            to = fields.String("to", 32);
            if (fields.Errors.Count > 0)
            {
                return ApiProblem.Invalid(fields.Errors, "Invalid test SMS");
            }
        }

        var outcome = await cluster.GetGrain<ITestSendGrain>(caller.WorkspaceId).SendSmsTestAsync(caller.Member, to);
        return TestSendResult(outcome, "Invalid test SMS");
    }

    private static async Task<Results<Ok<DeliveryResponse>, ApiErrorResult>> GetDeliveryAsync(string deliveryId, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(deliveryId, out var id) && await cluster.GetGrain<IAlertsGrain>(caller.WorkspaceId).GetDeliveryAsync(caller.Member, id) is { } delivery
            ? TypedResults.Ok(DeliveryResponse.Of(delivery))
            : ApiProblem.NotFound("Delivery");

    /// <summary>202 with the queued deliveries, 404 for a project out of sight, or 400 with why nothing was queued.</summary>
    public static Results<Accepted<TestSendResponse>, ApiErrorResult> TestSendResult(TestSendOutcome outcome, string invalid) => outcome switch
    {
        { DeliveryIds: { } ids } => TypedResults.Accepted((string?)null, new TestSendResponse(ids.Count, ids)),
        { ProjectNotFound: true } => ApiProblem.NotFound("Project"),
        _ => ApiProblem.Invalid(outcome.Errors ?? new Dictionary<string, string>(), invalid),
    };
}
