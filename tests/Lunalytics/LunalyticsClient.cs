using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Lunalytics;

/// <summary>Small helpers over the Lunalytics monitor routes for one signed-in user.</summary>
public static class LunalyticsClient
{
    /// <summary>GET /api/monitor/id: the monitor, which must be found.</summary>
    public static async Task<LunalyticsMonitor> MonitorAsync(this ApiUser user, Guid monitorId)
    {
        var response = await user.Session.GetAsync($"/api/monitor/id?monitorId={monitorId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync<LunalyticsMonitor>();
    }

    /// <summary>GET /api/monitor/status with <paramref name="query"/> (e.g. <c>status=day</c>): heartbeats, newest first.</summary>
    public static Task<IReadOnlyList<LunalyticsHeartbeat>> StatusAsync(this ApiUser user, Guid monitorId, string? query = null) =>
        user.Session.GetJsonAsync<IReadOnlyList<LunalyticsHeartbeat>>($"/api/monitor/status?monitorId={monitorId}" + (query is null ? string.Empty : "&" + query));
}
