using System.Text.Json;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Lunalytics;

/// <summary>The Lunalytics monitor resource: /api/monitor/add, edit, delete, status, id.</summary>
public static class LunalyticsMonitorApi
{
    public static RouteGroupBuilder MapLunalyticsMonitorApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/monitor");
        group.MapPost("/add", AddAsync).RequireCaller(CallerRequirement.Write);
        group.MapPost("/edit", EditAsync).RequireCaller(CallerRequirement.Write);
        group.MapGet("/delete", DeleteAsync).RequireCaller(CallerRequirement.Write);
        group.MapGet("/status", StatusAsync).RequireCaller(CallerRequirement.Read);
        group.MapGet("/id", GetAsync).RequireCaller(CallerRequirement.Read);
        return group;
    }

    private static async Task<IResult> AddAsync(HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var (settings, errors) = MonitorPayload.ForCreate(root);
        if (settings is null)
        {
            return ApiProblem.Invalid(errors);
        }

        if (Visibility.IsScoped(http))
        {
            return Visibility.ScopeForbids(); // Lunalytics monitors join the default project, which a scoped member may not see.
        }

        var caller = CallerFilter.CallerOf(http);
        var outcome = await cluster.GetGrain<IMonitorGrain>(Guid.NewGuid()).CreateWithDefaultsAsync(caller.WorkspaceId, caller.Email, settings);
        return ToResult(outcome);
    }

    private static async Task<IResult> EditAsync(HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (!root.TryGetProperty("monitorId", out var idElement) || idElement.ValueKind == JsonValueKind.Null)
        {
            return ApiProblem.MissingMonitorId();
        }

        if (idElement.ValueKind != JsonValueKind.String || !Guid.TryParse(idElement.GetString(), out var monitorId))
        {
            return ApiProblem.MonitorNotFound();
        }

        var caller = CallerFilter.CallerOf(http);
        var grain = cluster.GetGrain<IMonitorGrain>(monitorId);
        if (await grain.GetAsync(caller.WorkspaceId) is not { } current || !CallerFilter.Sees(http, current.ProjectId))
        {
            return ApiProblem.MonitorNotFound();
        }

        var (patch, errors) = MonitorPayload.ForEdit(root, current.Config.Type);
        return patch is null ? ApiProblem.Invalid(errors) : ToResult(await grain.EditAsync(caller.WorkspaceId, patch));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, IClusterClient cluster, string? monitorId)
    {
        if (string.IsNullOrWhiteSpace(monitorId))
        {
            return ApiProblem.MissingMonitorId();
        }

        var caller = CallerFilter.CallerOf(http);
        return Guid.TryParse(monitorId, out var id) && await Visibility.SeesDeviceAsync(http, cluster, id) && await cluster.GetGrain<IMonitorGrain>(id).DeleteAsync(caller.WorkspaceId)
            ? Results.Ok()
            : ApiProblem.MonitorNotFound();
    }

    private static async Task<IResult> StatusAsync(HttpContext http, IClusterClient cluster, string? monitorId, string? status, string? type)
    {
        if (string.IsNullOrWhiteSpace(monitorId))
        {
            return ApiProblem.MissingMonitorId();
        }

        HeartbeatRange? range = (status ?? type ?? "latest").Trim().ToLowerInvariant() switch
        {
            "latest" => HeartbeatRange.Latest,
            "day" => HeartbeatRange.Day,
            "week" => HeartbeatRange.Week,
            "month" => HeartbeatRange.Month,
            _ => null,
        };
        if (range is null)
        {
            return ApiProblem.Of(StatusCodes.Status400BadRequest, "invalid_status_type", "status must be latest, day, week or month");
        }

        var caller = CallerFilter.CallerOf(http);
        if (!Guid.TryParse(monitorId, out var id)
            || !await Visibility.SeesDeviceAsync(http, cluster, id)
            || await cluster.GetGrain<IMonitorGrain>(id).GetHeartbeatsAsync(caller.WorkspaceId, range.Value) is not { } heartbeats)
        {
            return ApiProblem.MonitorNotFound();
        }

        return Results.Json(LunalyticsMonitorJson.Heartbeats(heartbeats));
    }

    private static async Task<IResult> GetAsync(HttpContext http, IClusterClient cluster, string? monitorId)
    {
        if (string.IsNullOrWhiteSpace(monitorId))
        {
            return ApiProblem.MissingMonitorId();
        }

        var caller = CallerFilter.CallerOf(http);
        if (!Guid.TryParse(monitorId, out var id) || await cluster.GetGrain<IMonitorGrain>(id).GetAsync(caller.WorkspaceId) is not { } monitor || !CallerFilter.Sees(http, monitor.ProjectId))
        {
            return ApiProblem.MonitorNotFound();
        }

        return Results.Json(LunalyticsMonitorJson.Monitor(monitor));
    }

    private static IResult ToResult(MonitorOutcome outcome) => outcome switch
    {
        { Monitor: { } monitor } => Results.Json(LunalyticsMonitorJson.Monitor(monitor)),
        { Errors: { } errors } => ApiProblem.Invalid(LunalyticsFields.Map.Apply(errors)),
        { PlanLimitReached: true } => ApiProblem.PlanLimit("devices"),
        _ => ApiProblem.MonitorNotFound(),
    };
}
