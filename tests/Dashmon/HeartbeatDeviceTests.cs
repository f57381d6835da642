using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Heartbeat (push) devices: the public receiver, the deadline of interval + grace, token rotation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HeartbeatDeviceTests(ClusterFixture fixture)
{
    private HttpClient Anonymous() => fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    [Fact]
    public async Task BeatsKeepTheDeviceUpAndSilenceTakesItDownUntilTheNextBeat()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Cron jobs");
        // interval 40 s + grace 20 s, scaled 20x: down 3 s after the last beat.
        var id = (await user.CreateDeviceAsync(project, new { name = "Nightly backup", type = "heartbeat", heartbeat = new { interval = 40, grace = 20 } }))["id"]!.GetValue<string>();
        var config = (await user.Session.GetFromJsonAsync<JsonObject>($"/api/devices/{id}/heartbeat-config"))!["heartbeat"]!;
        var endpoint = config["endpoint"]!.GetValue<string>();
        Assert.Equal(40, config["interval"]!.GetValue<int>());
        Assert.Equal(20, config["grace"]!.GetValue<int>());

        var beat = await Anonymous().PostAsync(endpoint, null);
        Assert.Equal(HttpStatusCode.OK, beat.StatusCode);
        var up = await user.DeviceAsync(project, id);
        Assert.Equal("up", up["status"]!.GetValue<string>());

        var down = await user.UntilDeviceAsync(project, id, d => d["status"]!.GetValue<string>() == "down", "silence past interval + grace", 10);
        Assert.NotNull(down["openIncidentId"]);
        Assert.StartsWith("No heartbeat received within 60 s", down["lastMessage"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await Anonymous().PostAsync(endpoint, null)).StatusCode);
        var recovered = await user.DeviceAsync(project, id);
        Assert.Equal("up", recovered["status"]!.GetValue<string>());
        Assert.Null(recovered["openIncidentId"]);
    }

    [Fact]
    public async Task HeartbeatDeviceWithoutSettingsGetsDefaultsThatHeartbeatConfigRefines()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Cron jobs");
        var id = (await user.CreateDeviceAsync(project, new { name = "Weekly report", type = "heartbeat" }))["id"]!.GetValue<string>();

        var config = (await user.Session.GetFromJsonAsync<JsonObject>($"/api/devices/{id}/heartbeat-config"))!["heartbeat"]!;
        Assert.Equal(60, config["interval"]!.GetValue<int>());
        Assert.Equal(60, config["grace"]!.GetValue<int>());
        var token = config["token"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal("/api/incoming/heartbeat/" + token, config["endpoint"]!.GetValue<string>());

        var refined = await user.Session.PutAsJsonAsync($"/api/devices/{id}/heartbeat-config", new { interval = 600 });
        Assert.Equal(HttpStatusCode.OK, refined.StatusCode);
        var after = (await refined.Content.ReadFromJsonAsync<JsonObject>())!["heartbeat"]!;
        Assert.Equal(600, after["interval"]!.GetValue<int>());
        Assert.Equal(60, after["grace"]!.GetValue<int>());
        Assert.Equal(token, after["token"]!.GetValue<string>());
        Assert.Equal(600, (await user.DeviceAsync(project, id))["interval"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownTokenIs404()
    {
        await ApiAssert.ErrorAsync(await Anonymous().PostAsync("/api/incoming/heartbeat/not-a-real-token", null), HttpStatusCode.NotFound, "heartbeat_token_not_found");

        await ApiAssert.ErrorAsync(await Anonymous().PostAsync("/api/incoming/heartbeat/" + new string('x', 300), null), HttpStatusCode.NotFound, "heartbeat_token_not_found");
    }

    [Fact]
    public async Task RegeneratedTokenReplacesTheOldOne()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Rotated");
        var id = (await user.CreateDeviceAsync(project, new { name = "Worker", type = "heartbeat", heartbeat = new { interval = 600, grace = 60 } }))["id"]!.GetValue<string>();
        var old = (await user.Session.GetFromJsonAsync<JsonObject>($"/api/devices/{id}/heartbeat-config"))!["heartbeat"]!["endpoint"]!.GetValue<string>();

        var changed = await user.Session.PutAsJsonAsync($"/api/devices/{id}/heartbeat-config", new { grace = 120, regenerateToken = true });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var config = (await changed.Content.ReadFromJsonAsync<JsonObject>())!["heartbeat"]!;
        Assert.Equal(120, config["grace"]!.GetValue<int>());
        Assert.NotEqual(old, config["endpoint"]!.GetValue<string>());
        await ApiAssert.ErrorAsync(await Anonymous().PostAsync(old, null), HttpStatusCode.NotFound, "heartbeat_token_not_found");
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().PostAsync(config["endpoint"]!.GetValue<string>(), null)).StatusCode);
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync($"/api/devices/{id}/heartbeat-config", new { grace = -1 }), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }
}
