using System.Text.Json;
using System.Text.Json.Nodes;
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

    private static IResult NotHttp() => WrongType("Synthetic assertions apply to http devices only");

    private static IResult NotDns() => WrongType("This device is not a dns device");

    private static IResult NotHeartbeat() => WrongType("This device is not a heartbeat device");

    private static IResult WrongType(string message) => ApiProblem.Of(StatusCodes.Status409Conflict, "wrong_device_type", message);

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
    private static async Task<IResult> RefusedAsync(IClusterClient cluster, ApiCaller caller, string deviceId, MonitorConfigPatch patch, IResult refusal, IResult? wrongType = null) =>
        await FindAsync(cluster, caller, deviceId) switch
        {
            null => ApiProblem.NotFound("Device"),
            { } device when !patch.Fits(device.Config.Type) && wrongType is not null => wrongType,
            _ => refusal,
        };

    private static IResult DeviceResult(MonitorSnapshot device, int status = StatusCodes.Status200OK) =>
        Results.Json(new JsonObject { ["success"] = true, ["device"] = DeviceJson.Device(device, device.Tags) }, statusCode: status);

    private static IResult EditResult(MonitorOutcome outcome, string invalidMessage, IResult? wrongType = null) => outcome switch
    {
        { Monitor: { } device } => DeviceResult(device),
        { Errors: { } invalid } => ApiProblem.Invalid(DashmonFields.Map.Apply(invalid), invalidMessage),
        { WrongType: true } when wrongType is not null => wrongType,
        _ => ApiProblem.NotFound("Device"),
    };

    private static async Task<IResult> GetAsync(string projectId, string deviceId, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(projectId, out var project) && await FindAsync(cluster, caller, deviceId) is { } device && device.ProjectId == project
            ? DeviceResult(device)
            : ApiProblem.NotFound("Device");

    private static async Task<IResult> CreateAsync(string projectId, ApiCaller caller, HttpContext http, IClusterClient cluster)
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
            { Monitor: { } device } => DeviceResult(device, StatusCodes.Status201Created),
            { Errors: { } invalid } => ApiProblem.Invalid(DashmonFields.Map.Apply(invalid), "Invalid device"),
            { PlanLimitReached: true } => ApiProblem.PlanLimit("devices"),
            _ => ApiProblem.NotFound("Project"),
        };
    }

    private static async Task<IResult> UpdateAsync(string deviceId, ApiCaller caller, HttpContext http, IClusterClient cluster)
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

    private static async Task<IResult> DeleteAsync(string deviceId, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(deviceId, out var id) && await cluster.GetGrain<IMonitorGrain>(id).DeleteAsync(caller.Member)
            ? Results.Json(new { success = true })
            : ApiProblem.NotFound("Device");

    private static async Task<IResult> HistoryAsync(string deviceId, ApiCaller caller, IClusterClient cluster, string? limit)
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

        return Results.Json(new JsonObject
        {
            ["success"] = true,
            ["deviceId"] = id.ToString(),
            ["limit"] = count,
            ["maxLimit"] = MaxHistoryLimit,
            ["samples"] = new JsonArray(samples.Select(s => (JsonNode?)DeviceJson.HistorySample(s)).ToArray()),
        });
    }

    private static async Task<IResult> TestNowAsync(string deviceId, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(deviceId, out var id) && await cluster.GetGrain<IMonitorGrain>(id).ProbeNowAsync(caller.Member)
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

    private static async Task<IResult> PutSyntheticAsync(string deviceId, ApiCaller caller, HttpContext http, IClusterClient cluster)
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

    private static async Task<IResult> GetDnsAsync(string deviceId, ApiCaller caller, IClusterClient cluster) =>
        await FindAsync(cluster, caller, deviceId) switch
        {
            { Config.Dns: { } dns } => Results.Json(new JsonObject { ["success"] = true, ["dns"] = DeviceJson.Dns(dns) }),
            { } => NotDns(),
            null => ApiProblem.NotFound("Device"),
        };

    private static async Task<IResult> PutDnsAsync(string deviceId, ApiCaller caller, HttpContext http, IClusterClient cluster)
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

    private static async Task<IResult> GetHeartbeatAsync(string deviceId, ApiCaller caller, IClusterClient cluster) =>
        await FindAsync(cluster, caller, deviceId) switch
        {
            { Config.Heartbeat: { } push } device => Results.Json(HeartbeatConfig(push, device)),
            { } => NotHeartbeat(),
            null => ApiProblem.NotFound("Device"),
        };

    private static async Task<IResult> PutHeartbeatAsync(string deviceId, ApiCaller caller, HttpContext http, IClusterClient cluster)
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
            { Monitor: { Config.Heartbeat: { } saved } device } => Results.Json(HeartbeatConfig(saved, device)),
            { Errors: { } invalid } => ApiProblem.Invalid(DashmonFields.Map.Apply(invalid), "Invalid heartbeat settings"),
            { WrongType: true } => NotHeartbeat(),
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
