using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// Dashmon devices: details, create, update, delete, history, test-now, refresh-all, and the synthetic, DNS and
/// heartbeat settings. A device is a monitor grain; another workspace's device answers 404.
/// </summary>
public static class DevicesApi
{
    public const int DefaultHistoryLimit = 60;
    public const int MaxHistoryLimit = 1440;

    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/projects/{projectId}/devices/{deviceId}", GetAsync).RequireCaller(CallerRequirement.Read);
        routes.MapPost("/api/projects/{projectId}/devices", CreateAsync).RequireCaller(CallerRequirement.Write);
        routes.MapPost("/api/devices/refresh-all", RefreshAllAsync).RequireCaller(CallerRequirement.Write).RequirePremium();
        var devices = routes.MapGroup("/api/devices/{deviceId}");
        devices.MapPut("/", UpdateAsync).RequireCaller(CallerRequirement.Write);
        devices.MapDelete("/", DeleteAsync).RequireCaller(CallerRequirement.Write);
        devices.MapGet("/history", HistoryAsync).RequireCaller(CallerRequirement.Read);
        devices.MapPost("/test-now", TestNowAsync).RequireCaller(CallerRequirement.Write).RequirePremium();
        devices.MapPut("/synthetic", PutSyntheticAsync).RequireCaller(CallerRequirement.Write).RequirePremium();
        devices.MapGet("/dns-config", GetDnsAsync).RequireCaller(CallerRequirement.Read).RequirePremium();
        devices.MapPut("/dns-config", PutDnsAsync).RequireCaller(CallerRequirement.Write).RequirePremium();
        devices.MapGet("/heartbeat-config", GetHeartbeatAsync).RequireCaller(CallerRequirement.Read).RequirePremium();
        devices.MapPut("/heartbeat-config", PutHeartbeatAsync).RequireCaller(CallerRequirement.Write).RequirePremium();
        return routes;
    }

    private static Guid WorkspaceOf(HttpContext http) => CallerFilter.CallerOf(http).WorkspaceId;

    /// <summary>The device's grain and current snapshot, or null when the id is not a device of the caller's workspace.</summary>
    private static async Task<(IMonitorGrain Grain, MonitorSnapshot Device)?> FindAsync(HttpContext http, IClusterClient cluster, string deviceId)
    {
        if (!Guid.TryParse(deviceId, out var id))
        {
            return null;
        }

        var grain = cluster.GetGrain<IMonitorGrain>(id);
        return await grain.GetAsync(WorkspaceOf(http)) is { } device && CallerFilter.Sees(http, device.ProjectId) ? (grain, device) : null;
    }

    private static async Task<IResult> DeviceResultAsync(HttpContext http, IClusterClient cluster, MonitorSnapshot device, int status = StatusCodes.Status200OK)
    {
        var tags = await cluster.GetGrain<IWorkspaceGrain>(WorkspaceOf(http)).TagsOfAsync(device.MonitorId);
        return Results.Json(new JsonObject { ["success"] = true, ["device"] = DeviceJson.Device(device, tags) }, statusCode: status);
    }

    private static async Task<IResult> GetAsync(string projectId, string deviceId, HttpContext http, IClusterClient cluster)
    {
        var found = await FindAsync(http, cluster, deviceId);
        return found is { } f && Guid.TryParse(projectId, out var project) && f.Device.ProjectId == project
            ? await DeviceResultAsync(http, cluster, f.Device)
            : ApiProblem.NotFound("Device");
    }

    private static async Task<IResult> CreateAsync(string projectId, HttpContext http, IClusterClient cluster)
    {
        if (!Guid.TryParse(projectId, out var project) || !CallerFilter.Sees(http, project))
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

        var caller = CallerFilter.CallerOf(http);
        var outcome = await cluster.GetGrain<IMonitorGrain>(Guid.NewGuid()).CreateWithDefaultsAsync(caller.WorkspaceId, caller.Email, settings, project);
        return outcome switch
        {
            { Monitor: { } device } => await DeviceResultAsync(http, cluster, device, StatusCodes.Status201Created),
            { Errors: { } invalid } => ApiProblem.Invalid(DashmonFields.Map.Apply(invalid), "Invalid device"),
            { PlanLimitReached: true } => ApiProblem.PlanLimit("devices"),
            _ => ApiProblem.NotFound("Project"),
        };
    }

    private static async Task<IResult> UpdateAsync(string deviceId, HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (await FindAsync(http, cluster, deviceId) is not { } found)
        {
            return ApiProblem.NotFound("Device");
        }

        var (patch, errors) = DevicePayload.Read(root);
        return patch is null ? ApiProblem.Invalid(errors, "Invalid device") : await EditResultAsync(http, cluster, found.Grain, patch, "Invalid device");
    }

    private static async Task<IResult> EditResultAsync(HttpContext http, IClusterClient cluster, IMonitorGrain grain, MonitorConfigPatch patch, string invalidMessage)
    {
        var outcome = await grain.EditAsync(WorkspaceOf(http), patch);
        return outcome switch
        {
            { Monitor: { } device } => await DeviceResultAsync(http, cluster, device),
            { Errors: { } invalid } => ApiProblem.Invalid(DashmonFields.Map.Apply(invalid), invalidMessage),
            _ => ApiProblem.NotFound("Device"),
        };
    }

    private static async Task<IResult> DeleteAsync(string deviceId, HttpContext http, IClusterClient cluster) =>
        await FindAsync(http, cluster, deviceId) is { } found && await found.Grain.DeleteAsync(WorkspaceOf(http))
            ? Results.Json(new { success = true })
            : ApiProblem.NotFound("Device");

    private static async Task<IResult> HistoryAsync(string deviceId, HttpContext http, IClusterClient cluster, string? limit)
    {
        var count = DefaultHistoryLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count < 1))
        {
            return ApiProblem.Invalid(new Dictionary<string, string> { ["limit"] = $"limit must be a whole number from 1 (at most {MaxHistoryLimit} are returned)" }, "Invalid query");
        }

        count = Math.Min(count, MaxHistoryLimit);
        if (!Guid.TryParse(deviceId, out var id)
            || !await Visibility.SeesDeviceAsync(http, cluster, id)
            || await cluster.GetGrain<IMonitorGrain>(id).GetHistoryAsync(WorkspaceOf(http), count) is not { } samples)
        {
            return ApiProblem.NotFound("Device");
        }

        return Results.Json(new JsonObject
        {
            ["success"] = true,
            ["deviceId"] = id.ToString(),
            ["limit"] = count,
            ["maxLimit"] = MaxHistoryLimit,
            ["samples"] = new JsonArray(samples.Select(s => (JsonNode?)DeviceJson.HistorySample(s)).ToArray()),
        });
    }

    private static async Task<IResult> TestNowAsync(string deviceId, HttpContext http, IClusterClient cluster) =>
        Guid.TryParse(deviceId, out var id) && await Visibility.SeesDeviceAsync(http, cluster, id) && await cluster.GetGrain<IMonitorGrain>(id).ProbeNowAsync(WorkspaceOf(http))
            ? Results.Json(new { success = true, queued = true, deviceId = id }, statusCode: StatusCodes.Status202Accepted)
            : ApiProblem.NotFound("Device");

    private static async Task<IResult> RefreshAllAsync(ApiCaller caller, HttpContext http, IClusterClient cluster)
    {
        var outcome = await cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId).RefreshAllAsync(caller.Member);
        if (outcome.RetryAfter > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(outcome.RetryAfter.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblem.Of(StatusCodes.Status429TooManyRequests, "rate_limited", $"refresh-all is allowed once per minute; retry in {seconds} s");
        }

        return Results.Json(new { success = true, queued = outcome.Queued }, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> PutSyntheticAsync(string deviceId, HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (await FindAsync(http, cluster, deviceId) is not { } found)
        {
            return ApiProblem.NotFound("Device");
        }

        if (found.Device.Config.Type != MonitorType.Http)
        {
            return ApiProblem.Of(StatusCodes.Status409Conflict, "wrong_device_type", "Synthetic assertions apply to http devices only");
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var assertions = SyntheticJson.Read(root, errors);
        return errors.Count > 0
            ? ApiProblem.Invalid(errors, "Invalid assertions")
            : await EditResultAsync(http, cluster, found.Grain, new MonitorConfigPatch { Assertions = assertions }, "Invalid assertions");
    }

    private static async Task<IResult> GetDnsAsync(string deviceId, HttpContext http, IClusterClient cluster) =>
        await FindAsync(http, cluster, deviceId) switch
        {
            { Device.Config.Dns: { } dns } => Results.Json(new JsonObject { ["success"] = true, ["dns"] = DeviceJson.Dns(dns) }),
            { } => ApiProblem.Of(StatusCodes.Status409Conflict, "wrong_device_type", "This device is not a dns device"),
            null => ApiProblem.NotFound("Device"),
        };

    private static async Task<IResult> PutDnsAsync(string deviceId, HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (await FindAsync(http, cluster, deviceId) is not { } found)
        {
            return ApiProblem.NotFound("Device");
        }

        if (found.Device.Config.Type != MonitorType.Dns)
        {
            return ApiProblem.Of(StatusCodes.Status409Conflict, "wrong_device_type", "This device is not a dns device");
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var dns = DevicePayload.ReadDns(root, errors, "dns.");
        return errors.Count > 0 || dns is null
            ? ApiProblem.Invalid(errors, "Invalid DNS settings")
            : await EditResultAsync(http, cluster, found.Grain, new MonitorConfigPatch { Dns = dns }, "Invalid DNS settings");
    }

    private static async Task<IResult> GetHeartbeatAsync(string deviceId, HttpContext http, IClusterClient cluster) =>
        await FindAsync(http, cluster, deviceId) switch
        {
            { Device.Config.Heartbeat: { } push } found => Results.Json(HeartbeatConfig(push, found.Device)),
            { } => ApiProblem.Of(StatusCodes.Status409Conflict, "wrong_device_type", "This device is not a heartbeat device"),
            null => ApiProblem.NotFound("Device"),
        };

    private static async Task<IResult> PutHeartbeatAsync(string deviceId, HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (await FindAsync(http, cluster, deviceId) is not { } found)
        {
            return ApiProblem.NotFound("Device");
        }

        if (found.Device.Config.Heartbeat is null)
        {
            return ApiProblem.Of(StatusCodes.Status409Conflict, "wrong_device_type", "This device is not a heartbeat device");
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
        if (errors.Count > 0 || push is null)
        {
            return ApiProblem.Invalid(errors, "Invalid heartbeat settings");
        }

        var outcome = await found.Grain.EditAsync(WorkspaceOf(http), new MonitorConfigPatch { Heartbeat = push with { RegenerateToken = regenerate } });
        return outcome switch
        {
            { Monitor: { Config.Heartbeat: { } saved } device } => Results.Json(HeartbeatConfig(saved, device)),
            { Errors: { } invalid } => ApiProblem.Invalid(DashmonFields.Map.Apply(invalid), "Invalid heartbeat settings"),
            _ => ApiProblem.NotFound("Device"),
        };
    }

    private static JsonObject HeartbeatConfig(HeartbeatCheck push, MonitorSnapshot device) => new()
    {
        ["success"] = true,
        ["heartbeat"] = new JsonObject
        {
            ["interval"] = push.IntervalSeconds,
            ["grace"] = push.GraceSeconds,
            ["token"] = push.Token,
            ["endpoint"] = "/api/incoming/heartbeat/" + push.Token,
            ["lastBeat"] = DeviceJson.Iso(device.Heartbeats.FirstOrDefault(h => !h.IsDown)?.Date),
            ["status"] = device.Status,
        },
    };
}
