using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>GET /api/incidents/:id/deliveries: every alert delivery of the incident and how it went, oldest first.</summary>
public static class IncidentDeliveriesApi
{
    public static RouteHandlerBuilder MapIncidentDeliveriesApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/incidents/{id}/deliveries", DeliveriesAsync).RequireCaller(CallerRequirement.Read);

    private static async Task<Results<Ok<IncidentDeliveriesResponse>, ApiErrorResult>> DeliveriesAsync(string id, ApiCaller caller, IClusterClient cluster) =>
        IncidentIds.TryParse(id, out var incidentId) && await cluster.GetGrain<IAlertsGrain>(caller.WorkspaceId).IncidentDeliveriesAsync(caller.Member, incidentId) is { } deliveries
            ? TypedResults.Ok(new IncidentDeliveriesResponse(incidentId, [.. deliveries.Select(DeliveryView.Of)]))
            : ApiProblem.NotFound("Incident");
}
