using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Small helpers over the Dashmon routes for one signed-in user.</summary>
public static class DashmonClient
{
    public static async Task<IReadOnlyList<DashmonProject>> ProjectsAsync(this ApiUser user) =>
        (await user.Session.GetJsonAsync<DashmonProjectList>("/api/projects")).Projects;

    public static async Task<Guid> DefaultProjectAsync(this ApiUser user) =>
        Guid.Parse((await user.ProjectsAsync()).Single(p => p.IsDefault).Id);

    public static async Task<Guid> CreateProjectAsync(this ApiUser user, string name)
    {
        var response = await user.Session.PostAsJsonAsync("/api/projects", new { name, description = "made by a test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.ReadJsonAsync<DashmonProjectBody>()).Project.Id);
    }

    public static async Task<DashmonDevice> CreateDeviceAsync(this ApiUser user, Guid projectId, object device)
    {
        var response = await user.Session.PostAsJsonAsync($"/api/projects/{projectId}/devices", device);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create device answered {(int)response.StatusCode}: {text}");
        return (await response.ReadJsonAsync<DashmonDeviceBody>()).Device;
    }

    public static async Task<DashmonDevice> DeviceAsync(this ApiUser user, Guid projectId, string deviceId)
    {
        var response = await user.Session.GetAsync($"/api/projects/{projectId}/devices/{deviceId}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"get device answered {(int)response.StatusCode}: {text}");
        return (await response.ReadJsonAsync<DashmonDeviceBody>()).Device;
    }

    public static Task<DashmonDevice> UntilDeviceAsync(this ApiUser user, Guid projectId, string deviceId, Func<DashmonDevice, bool> condition, string what, int seconds = 20) =>
        Eventually.HoldsAsync(() => user.DeviceAsync(projectId, deviceId), condition, what, TimeSpan.FromSeconds(seconds));

    public static async Task<DashmonDns> DnsConfigAsync(this ApiUser user, string deviceId) =>
        (await user.Session.GetJsonAsync<DashmonDnsBody>($"/api/devices/{deviceId}/dns-config")).Dns;

    public static async Task<DashmonHeartbeatConfig> HeartbeatConfigAsync(this ApiUser user, string deviceId) =>
        (await user.Session.GetJsonAsync<DashmonHeartbeatConfigBody>($"/api/devices/{deviceId}/heartbeat-config")).Heartbeat;

    public static Task<DashmonHistory> HistoryAsync(this ApiUser user, string deviceId, string limit) =>
        user.Session.GetJsonAsync<DashmonHistory>($"/api/devices/{deviceId}/history?limit={limit}");
}
