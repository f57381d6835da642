using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.ApiHost.Lunalytics.Responses;

namespace OrleansMonitor.ApiHost.Lunalytics;

/// <summary>
/// The Lunalytics monitor resource: /api/monitor/add, edit, delete, status, id. One monitor grain call per request,
/// with the caller: the grain applies the workspace and project scope, so a monitor the caller does not see is 404.
/// </summary>
public static class LunalyticsMonitorApi
{
    public static RouteGroupBuilder MapLunalyticsMonitorApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/monitor");

        var writers = group.MapGroup("").RequireCaller(CallerRequirement.Write);
        writers.MapPost("/add", AddAsync);
        writers.MapPost("/edit", EditAsync);
        writers.MapGet("/delete", DeleteAsync);

        var readers = group.MapGroup("").RequireCaller(CallerRequirement.Read);
        readers.MapGet("/status", StatusAsync);
        readers.MapGet("/id", GetAsync);
        return group;
    }

    private static async Task<Results<Ok<LunalyticsMonitorResponse>, ApiErrorResult>> AddAsync(ApiCaller caller, HttpContext http, IClusterClient cluster)
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

        // Lunalytics monitors join the default project, which a scoped member may not see: the grain refuses it (ScopeForbidden).
        var outcome = await cluster.GetGrain<IMonitorGrain>(Guid.NewGuid()).CreateWithDefaultsAsync(caller.Member, caller.Email, settings);
        return ToResult(outcome);
    }

    private static async Task<Results<Ok<LunalyticsMonitorResponse>, ApiErrorResult>> EditAsync(ApiCaller caller, HttpContext http, IClusterClient cluster)
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

        var grain = cluster.GetGrain<IMonitorGrain>(monitorId);
        var (patch, errors) = MonitorPayload.ForEdit(root);
        if (patch is null)
        {
            // Refused for its shape: an unknown monitor still answers 404 first, and the errors are those of the monitor's own type.
            return await grain.GetAsync(caller.Member) is { } current
                ? ApiProblem.Invalid(MonitorPayload.ForEdit(root, current.Config.Type).Errors)
                : ApiProblem.MonitorNotFound();
        }

        return await grain.EditAsync(caller.Member, patch) switch
        {
            // A type sent back other than the monitor's own (and not http or tcp) is refused as the reader would.
            { WrongType: true } => ApiProblem.Invalid(MonitorPayload.TypeRefused()),
            var outcome => ToResult(outcome),
        };
    }

    private static async Task<Results<Ok, ApiErrorResult>> DeleteAsync(ApiCaller caller, IClusterClient cluster, string? monitorId)
    {
        if (string.IsNullOrWhiteSpace(monitorId))
        {
            return ApiProblem.MissingMonitorId();
        }

        return Guid.TryParse(monitorId, out var id) && await cluster.GetGrain<IMonitorGrain>(id).DeleteAsync(caller.Member)
            ? TypedResults.Ok()
            : ApiProblem.MonitorNotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<LunalyticsHeartbeat>>, ApiErrorResult>> StatusAsync(ApiCaller caller, IClusterClient cluster, string? monitorId, string? status, string? type)
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

        if (!Guid.TryParse(monitorId, out var id) || await cluster.GetGrain<IMonitorGrain>(id).GetHeartbeatsAsync(caller.Member, range.Value) is not { } heartbeats)
        {
            return ApiProblem.MonitorNotFound();
        }

        return TypedResults.Ok(LunalyticsMonitorJson.Heartbeats(heartbeats));
    }

    private static async Task<Results<Ok<LunalyticsMonitorResponse>, ApiErrorResult>> GetAsync(ApiCaller caller, IClusterClient cluster, string? monitorId)
    {
        if (string.IsNullOrWhiteSpace(monitorId))
        {
            return ApiProblem.MissingMonitorId();
        }

        if (!Guid.TryParse(monitorId, out var id) || await cluster.GetGrain<IMonitorGrain>(id).GetAsync(caller.Member) is not { } monitor)
        {
            return ApiProblem.MonitorNotFound();
        }

        return TypedResults.Ok(LunalyticsMonitorJson.Monitor(monitor));
    }

    private static Results<Ok<LunalyticsMonitorResponse>, ApiErrorResult> ToResult(MonitorOutcome outcome) => outcome switch
    {
        { Monitor: { } monitor } => TypedResults.Ok(LunalyticsMonitorJson.Monitor(monitor)),
        { Errors: { } errors } => ApiProblem.Invalid(LunalyticsFields.Map.Apply(errors)),
        { PlanLimitReached: true } => ApiProblem.PlanLimit("devices"),
        { ScopeForbidden: true } => ApiProblem.ScopeForbids(),
        _ => ApiProblem.MonitorNotFound(),
    };
}
