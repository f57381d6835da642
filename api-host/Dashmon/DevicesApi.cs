using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// Dashmon devices: details, create, update, delete, history, test-now, refresh-all, and the synthetic, DNS and
/// heartbeat settings. A device is a monitor grain, called once per request with the caller: the grain applies the
/// workspace and project scope, so a device the caller does not see answers 404 like a missing one.
/// </summary>
public static class DevicesApi
{
    public const int DefaultHistoryLimit = 60;
    public const int MaxHistoryLimit = 1440;

    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder routes)
    {
        var projectDevices = routes.MapGroup("/api/projects/{projectId}/devices");
        projectDevices.MapGroup("").RequireCaller(CallerRequirement.Read).MapGet("/{deviceId}", GetAsync);
        projectDevices.MapGroup("").RequireCaller(CallerRequirement.Write).MapPost("/", CreateAsync);

        var devices = routes.MapGroup("/api/devices");
        devices.MapGroup("").RequireCaller(CallerRequirement.Write).MapPost("/refresh-all", RefreshAllAsync).RequirePremium();

        var device = devices.MapGroup("/{deviceId}");
        var readers = device.MapGroup("").RequireCaller(CallerRequirement.Read);
        readers.MapGet("/history", HistoryAsync);
        readers.MapGet("/dns-config", GetDnsAsync).RequirePremium();
        readers.MapGet("/heartbeat-config", GetHeartbeatAsync).RequirePremium();

        var writers = device.MapGroup("").RequireCaller(CallerRequirement.Write);
        writers.MapPut("/", UpdateAsync);
        writers.MapDelete("/", DeleteAsync);
        writers.MapPost("/test-now", TestNowAsync).RequirePremium();
        writers.MapPut("/synthetic", PutSyntheticAsync).RequirePremium();
        writers.MapPut("/dns-config", PutDnsAsync).RequirePremium();
        writers.MapPut("/heartbeat-config", PutHeartbeatAsync).RequirePremium();
        return routes;
    }

    private static ApiErrorResult NotHttp() => WrongType("Synthetic assertions apply to http devices only");

    private static ApiErrorResult NotDns() => WrongType("This device is not a dns device");

    private static ApiErrorResult NotHeartbeat() => WrongType("This device is not a heartbeat device");

    private static ApiErrorResult WrongType(string message) => ApiProblem.Of(StatusCodes.Status409Conflict, "wrong_device_type", message);

    /// <summary>The device as the caller sees it (the grain applies workspace and project scope), or null for an id that is not one.</summary>
    private static async Task<MonitorSnapshot?> FindAsync(IClusterClient cluster, ApiCaller caller, string deviceId) =>
        Guid.TryParse(deviceId, out var id) ? await cluster.GetGrain<IMonitorGrain>(id).GetAsync(caller.Member) : null;

    /// <summary>Edits the device in one call; an id that is not one answers as a missing device.</summary>
    private static async Task<MonitorOutcome> EditAsync(IClusterClient cluster, ApiCaller caller, string deviceId, MonitorConfigPatch patch) =>
        Guid.TryParse(deviceId, out var id) ? await cluster.GetGrain<IMonitorGrain>(id).EditAsync(caller.Member, patch) : MonitorOutcome.Missing;

    /// <summary>
    /// A body whose shape is refused answers in the order a client sees for any change: an unknown device first (404),
    /// then a <paramref name="patch"/> meant for another kind of device (<paramref name="wrongType"/>, 409), then the
    /// shape (<paramref name="refusal"/>, 422). One read decides; nothing is changed.
    /// </summary>
    private static async Task<ApiErrorResult> RefusedAsync(IClusterClient cluster, ApiCaller caller, string deviceId, MonitorConfigPatch patch, ApiErrorResult refusal, ApiErrorResult? wrongType = null) =>
        await FindAsync(cluster, caller, deviceId) switch
        {
            null => ApiProblem.NotFound("Device"),
            { } device when !patch.Fits(device.Config.Type) && wrongType is not null => wrongType,
            _ => refusal,
        };

    private static DeviceResponse DeviceBody(MonitorSnapshot device) => new(DeviceDetails.Of(device));

    private static Results<Ok<DeviceResponse>, ApiErrorResult> EditResult(MonitorOutcome outcome, string invalidMessage, ApiErrorResult? wrongType = null) => outcome switch
    {
        { Monitor: { } device } => TypedResults.Ok(DeviceBody(device)),
        { Errors: { } invalid } => ApiProblem.Invalid(DashmonFields.Map.Apply(invalid), invalidMessage),
        { WrongType: true } when wrongType is not null => wrongType,
        _ => ApiProblem.NotFound("Device"),
    };

    private static async Task<Results<Ok<DeviceResponse>, ApiErrorResult>> GetAsync(string projectId, string deviceId, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(projectId, out var project) && await FindAsync(cluster, caller, deviceId) is { } device && device.ProjectId == project
            ? TypedResults.Ok(DeviceBody(device))
            : ApiProblem.NotFound("Device");

    private static async Task<Results<Created<DeviceResponse>, ApiErrorResult>> CreateAsync(string projectId, ApiCaller caller, HttpContext http, IClusterClient cluster)
    {
        if (!Guid.TryParse(projectId, out var project))
        {
            return ApiProblem.NotFound("Project");
        }

        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var (settings, errors) = DevicePayload.Read(root);
        if (settings is null)
        {
            return ApiProblem.Invalid(errors, "Invalid device");
        }

        // The grain answers a project outside the caller's scope as an unknown one.
        var outcome = await cluster.GetGrain<IMonitorGrain>(Guid.NewGuid()).CreateWithDefaultsAsync(caller.Member, caller.Email, settings, project);
        return outcome switch
        {
            { Monitor: { } device } => TypedResults.Created((string?)null, DeviceBody(device)),
            { Errors: { } invalid } => ApiProblem.Invalid(DashmonFields.Map.Apply(invalid), "Invalid device"),
            { PlanLimitReached: true } => ApiProblem.PlanLimit("devices"),
            _ => ApiProblem.NotFound("Project"),
        };
    }

    private static async Task<Results<Ok<DeviceResponse>, ApiErrorResult>> UpdateAsync(string deviceId, ApiCaller caller, HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var (patch, errors) = DevicePayload.Read(root);
        return patch is null
            ? await RefusedAsync(cluster, caller, deviceId, new MonitorConfigPatch(), ApiProblem.Invalid(errors, "Invalid device"))
            : EditResult(await EditAsync(cluster, caller, deviceId, patch), "Invalid device");
    }

    private static async Task<Results<Ok<SuccessResponse>, ApiErrorResult>> DeleteAsync(string deviceId, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(deviceId, out var id) && await cluster.GetGrain<IMonitorGrain>(id).DeleteAsync(caller.Member)
            ? TypedResults.Ok(new SuccessResponse())
            : ApiProblem.NotFound("Device");

    private static async Task<Results<Ok<DeviceHistoryResponse>, ApiErrorResult>> HistoryAsync(string deviceId, ApiCaller caller, IClusterClient cluster, string? limit)
    {
        var count = DefaultHistoryLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count < 1))
        {
            return ApiProblem.Invalid(new Dictionary<string, string> { ["limit"] = $"limit must be a whole number from 1 (at most {MaxHistoryLimit} are returned)" }, "Invalid query");
        }

        count = Math.Min(count, MaxHistoryLimit);
        if (!Guid.TryParse(deviceId, out var id) || await cluster.GetGrain<IMonitorGrain>(id).GetHistoryAsync(caller.Member, count) is not { } samples)
        {
            return ApiProblem.NotFound("Device");
        }

        return TypedResults.Ok(new DeviceHistoryResponse(id, count, MaxHistoryLimit, samples.Select(HistorySample.Of).ToArray()));
    }

    private static async Task<Results<JsonHttpResult<TestNowResponse>, ApiErrorResult>> TestNowAsync(string deviceId, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(deviceId, out var id) && await cluster.GetGrain<IMonitorGrain>(id).ProbeNowAsync(caller.Member)
            ? TypedResults.Json(new TestNowResponse(true, id), statusCode: StatusCodes.Status202Accepted)
            : ApiProblem.NotFound("Device");

    private static async Task<Results<JsonHttpResult<RefreshAllResponse>, ApiErrorResult>> RefreshAllAsync(ApiCaller caller, HttpContext http, IClusterClient cluster)
    {
        var outcome = await cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId).RefreshAllAsync(caller.Member);
        if (outcome.RetryAfter > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(outcome.RetryAfter.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblem.Of(StatusCodes.Status429TooManyRequests, "rate_limited", $"refresh-all is allowed once per minute; retry in {seconds} s");
        }

        return TypedResults.Json(new RefreshAllResponse(outcome.Queued), statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<Results<Ok<DeviceResponse>, ApiErrorResult>> PutSyntheticAsync(string deviceId, ApiCaller caller, HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var patch = new MonitorConfigPatch { OnlyForType = MonitorType.Http, Assertions = SyntheticJson.Read(root, errors) };
        return errors.Count > 0
            ? await RefusedAsync(cluster, caller, deviceId, patch, ApiProblem.Invalid(errors, "Invalid assertions"), NotHttp())
            : EditResult(await EditAsync(cluster, caller, deviceId, patch), "Invalid assertions", NotHttp());
    }

    private static async Task<Results<Ok<DeviceDnsResponse>, ApiErrorResult>> GetDnsAsync(string deviceId, ApiCaller caller, IClusterClient cluster) =>
        await FindAsync(cluster, caller, deviceId) switch
        {
            { Config.Dns: { } dns } => TypedResults.Ok(new DeviceDnsResponse(DeviceDns.Of(dns))),
            { } => NotDns(),
            null => ApiProblem.NotFound("Device"),
        };

    private static async Task<Results<Ok<DeviceResponse>, ApiErrorResult>> PutDnsAsync(string deviceId, ApiCaller caller, HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var patch = new MonitorConfigPatch { OnlyForType = MonitorType.Dns, Dns = DevicePayload.ReadDns(root, errors, "dns.") };
        return errors.Count > 0 || patch.Dns is null
            ? await RefusedAsync(cluster, caller, deviceId, patch, ApiProblem.Invalid(errors, "Invalid DNS settings"), NotDns())
            : EditResult(await EditAsync(cluster, caller, deviceId, patch), "Invalid DNS settings", NotDns());
    }

    private static async Task<Results<Ok<HeartbeatConfigResponse>, ApiErrorResult>> GetHeartbeatAsync(string deviceId, ApiCaller caller, IClusterClient cluster) =>
        await FindAsync(cluster, caller, deviceId) switch
        {
            { Config.Heartbeat: { } push } device => TypedResults.Ok(new HeartbeatConfigResponse(HeartbeatConfig.Of(push, device))),
            { } => NotHeartbeat(),
            null => ApiProblem.NotFound("Device"),
        };

    private static async Task<Results<Ok<HeartbeatConfigResponse>, ApiErrorResult>> PutHeartbeatAsync(string deviceId, ApiCaller caller, HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var regenerate = false;
        if (root.TryGetProperty("regenerateToken", out var flag))
        {
            if (flag.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                regenerate = flag.GetBoolean();
            }
            else
            {
                errors["regenerateToken"] = "regenerateToken must be a boolean";
            }
        }

        var push = DevicePayload.ReadHeartbeat(root, errors);
        var patch = new MonitorConfigPatch { OnlyForType = MonitorType.Heartbeat, Heartbeat = push is null ? null : push with { RegenerateToken = regenerate } };
        if (errors.Count > 0 || push is null)
        {
            return await RefusedAsync(cluster, caller, deviceId, patch, ApiProblem.Invalid(errors, "Invalid heartbeat settings"), NotHeartbeat());
        }

        return await EditAsync(cluster, caller, deviceId, patch) switch
        {
            { Monitor: { Config.Heartbeat: { } saved } device } => TypedResults.Ok(new HeartbeatConfigResponse(HeartbeatConfig.Of(saved, device))),
            { Errors: { } invalid } => ApiProblem.Invalid(DashmonFields.Map.Apply(invalid), "Invalid heartbeat settings"),
            { WrongType: true } => NotHeartbeat(),
            _ => ApiProblem.NotFound("Device"),
        };
    }
}
