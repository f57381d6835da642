using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Auth;

/// <summary>
/// Project scope: a scoped member sees only the devices of its projects; everything else answers 404 as if it did not
/// exist. Unscoped callers see the whole workspace (workspace ownership is checked by every grain call).
/// </summary>
public static class Visibility
{
    public static bool IsScoped(HttpContext http) => CallerFilter.AccessOf(http)?.ProjectScope is not null;

    public static async Task<bool> SeesDeviceAsync(HttpContext http, IClusterClient cluster, Guid deviceId)
    {
        var access = CallerFilter.AccessOf(http);
        if (access?.ProjectScope is null)
        {
            return access is not null;
        }

        return await cluster.GetGrain<IWorkspaceGrain>(access.WorkspaceId).ProjectOfAsync(deviceId) is { } project && access.Sees(project);
    }

    /// <summary>The subset of <paramref name="deviceIds"/> the caller sees.</summary>
    public static async Task<IReadOnlyList<Guid>> VisibleAsync(HttpContext http, IClusterClient cluster, IReadOnlyList<Guid> deviceIds)
    {
        if (!IsScoped(http))
        {
            return deviceIds;
        }

        var seen = await Task.WhenAll(deviceIds.Select(id => SeesDeviceAsync(http, cluster, id)));
        return deviceIds.Where((_, i) => seen[i]).ToArray();
    }

    public static IResult ScopeForbids() => ApiProblem.ScopeForbids();
}
