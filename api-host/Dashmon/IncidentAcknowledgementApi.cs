using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>POST /api/incidents/:id/acknowledge: stops the incident's escalation; the first acknowledgement is kept.</summary>
public static class IncidentAcknowledgementApi
{
    public static RouteHandlerBuilder MapIncidentAcknowledgementApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/incidents/{id}/acknowledge", AcknowledgeAsync).RequireCaller(CallerRequirement.Write);

    private static async Task<Results<Ok<IncidentAcknowledgedResponse>, ApiErrorResult>> AcknowledgeAsync(string id, ApiCaller caller, IClusterClient cluster)
    {
        if (!IncidentIds.TryParse(id, out var incidentId))
        {
            return ApiProblem.NotFound("Incident");
        }

        var outcome = await cluster.GetGrain<IAlertsGrain>(caller.WorkspaceId).AcknowledgeAsync(caller.Member, incidentId);
        return outcome switch
        {
            { Found: false } => ApiProblem.NotFound("Incident"),
            { AcknowledgedAt: { } at, AcknowledgedBy: { } by } => TypedResults.Ok(new IncidentAcknowledgedResponse(incidentId, at, by, outcome.AlreadyAcknowledged, outcome.CancelledDeliveries)),
            _ => ApiProblem.Of(StatusCodes.Status409Conflict, "incident_resolved", "The incident is resolved: there is nothing left to acknowledge"),
        };
    }
}
