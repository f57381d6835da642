using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Alerting;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// GET and PUT /api/projects/:projectId/alert-settings: a project's escalation steps, quiet hours, on-call rotation,
/// reminders and flapping rule. Any member reads them (secrets never shown); admins and owners change them, and send a
/// test alert to every step's destination with POST .../alert-settings/test.
/// </summary>
public static class AlertSettingsApi
{
    public static RouteGroupBuilder MapAlertSettingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projects/{projectId}/alert-settings");
        group.MapGroup("").RequireCaller(CallerRequirement.Read).MapGet("/", GetAsync);
        group.MapGroup("").RequireCaller(CallerRequirement.Manage).MapPut("/", PutAsync);
        group.MapGroup("").RequireCaller(CallerRequirement.Manage).MapPost("/test", TestAsync);
        return group;
    }

    private static async Task<Results<Ok<AlertSettingsResponse>, ApiErrorResult>> GetAsync(string projectId, ApiCaller caller, IClusterClient cluster)
    {
        if (!Guid.TryParse(projectId, out var id))
        {
            return ApiProblem.NotFound("Project");
        }

        var outcome = await cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId).GetAlertSettingsAsync(caller.Member, id);
        return outcome.Settings is { } settings
            ? TypedResults.Ok(AlertSettingsResponse.Of(id, settings, outcome.OnCallNow))
            : ApiProblem.NotFound("Project");
    }

    private static async Task<Results<Ok<AlertSettingsResponse>, ApiErrorResult>> PutAsync(
        string projectId, ApiCaller caller, HttpRequest request, IClusterClient cluster, TimeProvider time)
    {
        if (!Guid.TryParse(projectId, out var id))
        {
            return ApiProblem.NotFound("Project");
        }

        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var (settings, errors) = AlertSettingsPayload.Read(root, time.GetUtcNow());
        if (settings is null)
        {
            return ApiProblem.Invalid(errors, "Invalid alert settings");
        }

        var outcome = await cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId).SetAlertSettingsAsync(caller.Member, id, settings);
        return outcome switch
        {
            { Settings: { } saved } => TypedResults.Ok(AlertSettingsResponse.Of(id, saved, outcome.OnCallNow)),
            { Errors: { } refused } => ApiProblem.Invalid(refused, "Invalid alert settings"),
            _ => ApiProblem.NotFound("Project"),
        };
    }

    private static async Task<Results<Accepted<TestSendResponse>, ApiErrorResult>> TestAsync(string projectId, ApiCaller caller, IClusterClient cluster)
    {
        if (!Guid.TryParse(projectId, out var id))
        {
            return ApiProblem.NotFound("Project");
        }

        var outcome = await cluster.GetGrain<ITestSendGrain>(caller.WorkspaceId).SendProjectTestAsync(caller.Member, id);
        return AlertRulesApi.TestSendResult(outcome, "Nothing to test");
    }
}
