using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Small helpers over the Dashmon routes for one signed-in user.</summary>
public static class DashmonClient
{
    public static async Task<Guid> DefaultProjectAsync(this ApiUser user)
    {
        var projects = await user.Session.GetFromJsonAsync<JsonObject>("/api/projects");
        return Guid.Parse(projects!["projects"]!.AsArray().Single(p => p!["isDefault"]!.GetValue<bool>())!["id"]!.GetValue<string>());
    }

    public static async Task<Guid> CreateProjectAsync(this ApiUser user, string name)
    {
        var response = await user.Session.PostAsJsonAsync("/api/projects", new { name, description = "made by a test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["project"]!["id"]!.GetValue<string>());
    }

    public static async Task<JsonObject> CreateDeviceAsync(this ApiUser user, Guid projectId, object device)
    {
        var response = await user.Session.PostAsJsonAsync($"/api/projects/{projectId}/devices", device);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create device answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["device"]!.AsObject();
    }

    public static async Task<JsonObject> DeviceAsync(this ApiUser user, Guid projectId, string deviceId)
    {
        var response = await user.Session.GetAsync($"/api/projects/{projectId}/devices/{deviceId}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"get device answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["device"]!.AsObject();
    }

    public static Task<JsonObject> UntilDeviceAsync(this ApiUser user, Guid projectId, string deviceId, Func<JsonObject, bool> condition, string what, int seconds = 20) =>
        Eventually.HoldsAsync(() => user.DeviceAsync(projectId, deviceId), condition, what, TimeSpan.FromSeconds(seconds));
}
