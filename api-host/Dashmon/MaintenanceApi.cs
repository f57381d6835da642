using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// Maintenance windows ({start?, end, reason?}) on one device, all devices of a project, or many devices. Probes keep
/// running; failures inside a window open no incident.
/// </summary>
public static class MaintenanceApi
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    public static RouteGroupBuilder MapMaintenanceApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/maintenance").RequireCaller(CallerRequirement.Write).RequirePremium();
        group.MapPost("/device/{deviceId}", SetDeviceAsync);
        group.MapDelete("/device/{deviceId}", ClearDeviceAsync);
        group.MapPost("/project/{projectId}", SetProjectAsync);
        group.MapDelete("/project/{projectId}", ClearProjectAsync);
        group.MapPost("/devices/bulk-set", BulkSetAsync);
        group.MapPost("/devices/bulk-clear", BulkClearAsync);
        return group;
    }

    private static MaintenanceWindow? ReadWindow(JsonElement root, Dictionary<string, string> errors, DateTimeOffset now)
    {
        var fields = new JsonFields(root);
        var startText = fields.String("start", 40);
        var endText = fields.String("end", 40);
        var reason = fields.String("reason", 500);
        foreach (var (field, message) in fields.Errors)
        {
            errors[field] = message;
        }

        var start = now;
        if (startText is not null && !DateTimeOffset.TryParse(startText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out start))
        {
            errors["start"] = "start must be an ISO-8601 time";
        }

        DateTimeOffset end = default;
        if (endText is null || !DateTimeOffset.TryParse(endText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out end))
        {
            errors["end"] = "end is required as an ISO-8601 time";
        }
        else if (end <= start || end - start > MaxWindow)
        {
            errors["end"] = $"end must be after start and at most {MaxWindow.TotalDays:F0} days later";
        }

        return errors.Count == 0 ? new MaintenanceWindow(start.ToUniversalTime(), end.ToUniversalTime(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()) : null;
    }

    private static async Task<Results<Ok<DeviceMaintenanceResponse>, ApiErrorResult>> SetDeviceAsync(string deviceId, ApiCaller caller, HttpRequest request, IClusterClient cluster, TimeProvider time)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var window = ReadWindow(root, errors, time.GetUtcNow());
        if (window is null)
        {
            return ApiProblem.Invalid(errors, "Invalid maintenance window");
        }

        return Guid.TryParse(deviceId, out var id) && await cluster.GetGrain<IMonitorGrain>(id).SetMaintenanceAsync(caller.Member, window)
            ? TypedResults.Ok(new DeviceMaintenanceResponse(id, MaintenanceWindowResponse.Of(window)!))
            : ApiProblem.NotFound("Device");
    }

    private static async Task<Results<Ok<DeviceMaintenanceClearedResponse>, ApiErrorResult>> ClearDeviceAsync(string deviceId, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(deviceId, out var id) && await cluster.GetGrain<IMonitorGrain>(id).SetMaintenanceAsync(caller.Member, null)
            ? TypedResults.Ok(new DeviceMaintenanceClearedResponse(id))
            : ApiProblem.NotFound("Device");

    private static async Task<Results<Ok<ProjectMaintenanceResponse>, ApiErrorResult>> SetProjectAsync(string projectId, ApiCaller caller, HttpRequest request, IClusterClient cluster, TimeProvider time)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var window = ReadWindow(root, errors, time.GetUtcNow());
        return window is null ? ApiProblem.Invalid(errors, "Invalid maintenance window") : await ApplyToProjectAsync(projectId, caller, cluster, window);
    }

    private static Task<Results<Ok<ProjectMaintenanceResponse>, ApiErrorResult>> ClearProjectAsync(string projectId, ApiCaller caller, IClusterClient cluster) =>
        ApplyToProjectAsync(projectId, caller, cluster, null);

    private static async Task<Results<Ok<ProjectMaintenanceResponse>, ApiErrorResult>> ApplyToProjectAsync(string projectId, ApiCaller caller, IClusterClient cluster, MaintenanceWindow? window)
    {
        if (!Guid.TryParse(projectId, out var project)
            || await cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId).SetProjectMaintenanceAsync(caller.Member, project, window) is not { } devices)
        {
            return ApiProblem.NotFound("Project");
        }

        return TypedResults.Ok(new ProjectMaintenanceResponse(project, devices, MaintenanceWindowResponse.Of(window)));
    }

    private static async Task<Results<Ok<BulkMaintenanceResponse>, ApiErrorResult>> BulkSetAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster, TimeProvider time)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = DeviceIds.Read(root, errors);
        var window = ReadWindow(root, errors, time.GetUtcNow());
        return ids is null || window is null ? ApiProblem.Invalid(errors, "Invalid maintenance request") : await ApplyToDevicesAsync(caller, cluster, ids, window);
    }

    private static async Task<Results<Ok<BulkMaintenanceResponse>, ApiErrorResult>> BulkClearAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = DeviceIds.Read(root, errors);
        return ids is null ? ApiProblem.Invalid(errors, "Invalid maintenance request") : await ApplyToDevicesAsync(caller, cluster, ids, null);
    }

    private static async Task<Results<Ok<BulkMaintenanceResponse>, ApiErrorResult>> ApplyToDevicesAsync(ApiCaller caller, IClusterClient cluster, IReadOnlyList<Guid> ids, MaintenanceWindow? window)
    {
        var outcome = await cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId).SetDevicesMaintenanceAsync(caller.Member, ids, window);
        return outcome.Updated == 0
            ? ApiProblem.NotFound("Device")
            : TypedResults.Ok(new BulkMaintenanceResponse(outcome.Updated, outcome.NotFound, MaintenanceWindowResponse.Of(window)));
    }
}
