using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Every maintenance route sets or clears the window it names, and only inside the caller's workspace.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MaintenanceRoutesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task DeviceProjectAndBulkWindowsAreSetAndCleared()
    {
        var user = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Windows");
        var a = (await user.CreateDeviceAsync(project, new { name = "Alpha", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;
        var b = (await user.CreateDeviceAsync(project, new { name = "Bravo", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;
        var end = DateTimeOffset.UtcNow.AddHours(2).ToString("O");

        Assert.Equal(HttpStatusCode.OK, (await user.Session.PostAsJsonAsync($"/api/maintenance/device/{a}", new { end, reason = "disk swap" })).StatusCode);
        Assert.Equal("disk swap", (await user.DeviceAsync(project, a)).Maintenance!.Reason);
        Assert.Null((await user.DeviceAsync(project, b)).Maintenance);
        Assert.Equal(HttpStatusCode.OK, (await user.Session.DeleteAsync($"/api/maintenance/device/{a}")).StatusCode);
        Assert.Null((await user.DeviceAsync(project, a)).Maintenance);

        Assert.Equal(HttpStatusCode.OK, (await user.Session.PostAsJsonAsync("/api/maintenance/devices/bulk-set", new { deviceIds = new[] { a, b }, end })).StatusCode);
        Assert.NotNull((await user.DeviceAsync(project, a)).Maintenance);
        Assert.NotNull((await user.DeviceAsync(project, b)).Maintenance);
        Assert.Equal(HttpStatusCode.OK, (await user.Session.DeleteAsync($"/api/maintenance/project/{project}")).StatusCode);
        Assert.Null((await user.DeviceAsync(project, a)).Maintenance);
        Assert.Null((await user.DeviceAsync(project, b)).Maintenance);

        await ApiAssert.ErrorAsync(await stranger.Session.PostAsJsonAsync("/api/maintenance/devices/bulk-set", new { deviceIds = new[] { a }, end }), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.DeleteAsync($"/api/maintenance/project/{project}"), HttpStatusCode.NotFound, "project_not_found");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/maintenance/devices/bulk-set", new { deviceIds = Array.Empty<string>(), end }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/maintenance/device/{a}", new { reason = "no end" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Null((await user.DeviceAsync(project, a)).Maintenance);
    }
}
