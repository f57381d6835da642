using System.Net;
using System.Net.Http.Json;
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
        var id = (await user.CreateDeviceAsync(project, new { name = "Nightly backup", type = "heartbeat", heartbeat = new { interval = 40, grace = 20 } })).Id;
        var config = await user.HeartbeatConfigAsync(id);
        var endpoint = config.Endpoint;
        Assert.Equal(40, config.Interval);
        Assert.Equal(20, config.Grace);

        var beat = await Anonymous().PostAsync(endpoint, null);
        Assert.Equal(HttpStatusCode.OK, beat.StatusCode);
        var up = await user.DeviceAsync(project, id);
        Assert.Equal("up", up.Status);

        var down = await user.UntilDeviceAsync(project, id, d => d.Status == "down", "silence past interval + grace", 10);
        Assert.NotNull(down.OpenIncidentId);
        Assert.StartsWith("No heartbeat received within 60 s", down.LastMessage);

        Assert.Equal(HttpStatusCode.OK, (await Anonymous().PostAsync(endpoint, null)).StatusCode);
        var recovered = await user.DeviceAsync(project, id);
        Assert.Equal("up", recovered.Status);
        Assert.Null(recovered.OpenIncidentId);
    }

    [Fact]
    public async Task HeartbeatDeviceWithoutSettingsGetsDefaultsThatHeartbeatConfigRefines()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Cron jobs");
        var id = (await user.CreateDeviceAsync(project, new { name = "Weekly report", type = "heartbeat" })).Id;

        var config = await user.HeartbeatConfigAsync(id);
        Assert.Equal(60, config.Interval);
        Assert.Equal(60, config.Grace);
        var token = config.Token;
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal("/api/incoming/heartbeat/" + token, config.Endpoint);

        var refined = await user.Session.PutAsJsonAsync($"/api/devices/{id}/heartbeat-config", new { interval = 600 });
        Assert.Equal(HttpStatusCode.OK, refined.StatusCode);
        var after = (await refined.ReadJsonAsync<DashmonHeartbeatConfigBody>()).Heartbeat;
        Assert.Equal(600, after.Interval);
        Assert.Equal(60, after.Grace);
        Assert.Equal(token, after.Token);
        Assert.Equal(600, (await user.DeviceAsync(project, id)).Interval);
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
        var id = (await user.CreateDeviceAsync(project, new { name = "Worker", type = "heartbeat", heartbeat = new { interval = 600, grace = 60 } })).Id;
        var old = (await user.HeartbeatConfigAsync(id)).Endpoint;

        var changed = await user.Session.PutAsJsonAsync($"/api/devices/{id}/heartbeat-config", new { grace = 120, regenerateToken = true });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var config = (await changed.ReadJsonAsync<DashmonHeartbeatConfigBody>()).Heartbeat;
        Assert.Equal(120, config.Grace);
        Assert.NotEqual(old, config.Endpoint);
        await ApiAssert.ErrorAsync(await Anonymous().PostAsync(old, null), HttpStatusCode.NotFound, "heartbeat_token_not_found");
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().PostAsync(config.Endpoint, null)).StatusCode);
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync($"/api/devices/{id}/heartbeat-config", new { grace = -1 }), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }
}
