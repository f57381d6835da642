using System.ComponentModel;
using OrleansMonitor.ApiHost.Identity.Responses;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/me</c>: the caller, their active workspace and role, how they authenticated, the plan.</summary>
public sealed record MeResponse(
    SessionUser User,
    CallerWorkspace Workspace,
    CallerAuth Auth,
    [property: Description("free or premium.")] string Plan,
    [property: Description("The workspace is above its plan's limits: reads work, changes are locked.")] bool WriteLocked) : SuccessResponse;
