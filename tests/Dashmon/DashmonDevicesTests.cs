using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Device routes: details, update, delete, history, test-now, refresh-all, tags and maintenance.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DashmonDevicesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task DeviceDetailsCarryConfigurationFiguresAndTags()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var project = await user.CreateProjectAsync("Web");
        var created = await user.CreateDeviceAsync(project, new { name = "Home page", type = "http", url = target.Url, interval = 20, timeout = 5, expectedStatus = new[] { "200-299" } });
        var id = created.Id;
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync($"/api/devices/{id}/tags", new { tags = new[] { "Prod", "web", "prod" } })).StatusCode);

        var device = await user.UntilDeviceAsync(project, id, d => d.Status == "up", "the device to be up");

        Assert.Equal("Home page", device.Name);
        Assert.Equal(project.ToString(), device.ProjectId);
        Assert.Equal(["prod", "web"], device.Tags);
        Assert.Equal(100, device.Uptime24h);
        Assert.True(DateTimeOffset.TryParse(device.LastCheck, out _));
        Assert.EndsWith("Z", device.LastCheck);
        Assert.Equal("200 - OK", device.LastMessage);
    }

    [Fact]
    public async Task DeviceUnderAnotherProjectOrWorkspaceIs404()
    {
        var user = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("A");
        var other = await user.CreateProjectAsync("B");
        var id = (await user.CreateDeviceAsync(project, new { name = "Port", type = "tcp", host = "127.0.0.1", port = 9, interval = 30 })).Id;

        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/projects/{other}/devices/{id}"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.GetAsync($"/api/projects/{project}/devices/{id}"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PutAsJsonAsync($"/api/devices/{id}", new { name = "Mine now" }), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.DeleteAsync($"/api/devices/{id}"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.GetAsync($"/api/devices/{id}/history"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PostAsync($"/api/devices/{id}/test-now", null), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PutAsJsonAsync($"/api/devices/{id}/tags", new { tags = new[] { "x" } }), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PostAsJsonAsync($"/api/maintenance/device/{id}", new { end = DateTimeOffset.UtcNow.AddHours(1) }), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "Sneaky", type = "tcp", host = "127.0.0.1", port = 9 }), HttpStatusCode.NotFound, "project_not_found");
        Assert.Equal("Port", (await user.DeviceAsync(project, id)).Name);
    }

    [Fact]
    public async Task InvalidDeviceBodiesAre422WithFieldErrors()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Invalid");

        var badType = await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "X1", type = "smtp" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        var badRules = await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "X", type = "http", url = "ftp://x", interval = 5 }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        var noDns = await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "Resolver", type = "dns" }), HttpStatusCode.UnprocessableEntity, "validation_failed");

        Assert.True(badType.Errors!.ContainsKey("type"));
        Assert.True(badRules.Errors!.ContainsKey("name"));
        Assert.True(badRules.Errors.ContainsKey("url"));
        Assert.True(badRules.Errors.ContainsKey("interval"));
        Assert.True(noDns.Errors!.ContainsKey("dns"));
        Assert.Empty((await user.ProjectsAsync()).SelectMany(p => p.Devices));
    }

    [Fact]
    public async Task ValidationErrorsNameTheFieldsDashmonSpeaks()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Named errors");
        var id = (await user.CreateDeviceAsync(project, new { name = "Page", type = "http", url = "http://127.0.0.1:9/", interval = 600 })).Id;

        var created = await ApiAssert.ErrorAsync(
            await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "Codes", type = "http", url = "http://127.0.0.1:9/", expectedStatus = new[] { "700" }, timeout = 2 }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
        var updated = await ApiAssert.ErrorAsync(
            await user.Session.PutAsJsonAsync($"/api/devices/{id}", new { expectedStatus = new[] { "299-200" }, timeout = 601 }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");

        foreach (var errors in new[] { created.Errors!, updated.Errors! })
        {
            Assert.Equal(["expectedStatus", "timeout"], errors.Keys.Order(StringComparer.Ordinal));
        }

        Assert.Equal("Page", (await user.DeviceAsync(project, id)).Name);
    }

    [Fact]
    public async Task UpdateAndDeleteADevice()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Ops");
        var id = (await user.CreateDeviceAsync(project, new { name = "Old name", type = "tcp", host = "127.0.0.1", port = 9, interval = 30 })).Id;

        var updated = await user.Session.PutAsJsonAsync($"/api/devices/{id}", new { name = "New name", interval = 120 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var device = await user.DeviceAsync(project, id);
        Assert.Equal("New name", device.Name);
        Assert.Equal(120, device.Interval);
        Assert.Equal(9, device.Port);

        Assert.Equal(HttpStatusCode.OK, (await user.Session.DeleteAsync($"/api/devices/{id}")).StatusCode);
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/projects/{project}/devices/{id}"), HttpStatusCode.NotFound, "device_not_found");
        Assert.DoesNotContain(id, await user.Session.GetStringAsync("/api/projects"));
    }

    [Fact]
    public async Task HistoryIsAscendingAndItsLimitIsCapped()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var project = await user.CreateProjectAsync("Charts");
        var id = (await user.CreateDeviceAsync(project, new { name = "Chart me", type = "http", url = target.Url, interval = 20 })).Id;
        await Eventually.HoldsAsync(
            async () => (await user.HistoryAsync(id, "3")).Samples.Count,
            count => count == 3,
            "three stored samples");

        var history = await user.HistoryAsync(id, "5000");

        Assert.Equal(1440, history.Limit);
        var times = history.Samples.Select(s => DateTimeOffset.Parse(s.Time)).ToArray();
        Assert.Equal(times.Order(), times);
        Assert.All(history.Samples, s => Assert.True(s.Up));
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/devices/{id}/history?limit=abc"), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/devices/{id}/history?limit=0"), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task TestNowProbesAtOnceAndRefreshAllIsLimitedToOncePerMinute()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var project = await user.CreateProjectAsync("Slow");
        // 600 s scaled: the first planned probe is up to 30 s away.
        var id = (await user.CreateDeviceAsync(project, new { name = "Rare", type = "http", url = target.Url, interval = 600 })).Id;

        var queued = await user.Session.PostAsync($"/api/devices/{id}/test-now", null);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        await user.UntilDeviceAsync(project, id, d => d.Status == "up", "the immediate check", 5);

        var first = await user.Session.PostAsync("/api/devices/refresh-all", null);
        var second = await user.Session.PostAsync("/api/devices/refresh-all", null);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(1, (await first.ReadJsonAsync<DashmonRefreshAll>()).Queued);
        await ApiAssert.ErrorAsync(second, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(int.Parse(second.Headers.GetValues("Retry-After").Single()), 1, 60);
    }

    [Fact]
    public async Task TagsAreCountedAndChangedInBulk()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Tagged");
        var a = (await user.CreateDeviceAsync(project, new { name = "Alpha", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;
        var b = (await user.CreateDeviceAsync(project, new { name = "Bravo", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;

        await user.Session.PutAsJsonAsync($"/api/devices/{a}/tags", new { tags = new[] { "db" } });
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PostAsJsonAsync("/api/devices/tags/bulk", new { action = "add", deviceIds = new[] { a, b }, tags = new[] { "eu" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PostAsJsonAsync("/api/devices/tags/bulk", new { action = "remove", deviceIds = new[] { b }, tags = new[] { "eu" } })).StatusCode);
        var tags = (await user.Session.GetJsonAsync<DashmonTagList>("/api/tags")).Tags;

        Assert.Equal(2, tags.Count);
        Assert.Equal(1, tags.Single(t => t.Tag == "db").Count);
        Assert.Equal(1, tags.Single(t => t.Tag == "eu").Count);
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PostAsJsonAsync("/api/devices/tags/bulk", new { action = "replace", deviceIds = new[] { a, b }, tags = new[] { "core" } })).StatusCode);
        Assert.Equal(["core"], (await user.DeviceAsync(project, b)).Tags);
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/devices/tags/bulk", new { action = "explode", deviceIds = new[] { a }, tags = new[] { "x" } }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync($"/api/devices/{a}/tags", new { tags = new[] { "has space" } }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/devices/tags/bulk", new { action = "add", deviceIds = new[] { Guid.NewGuid() }, tags = new[] { "x" } }), HttpStatusCode.NotFound, "device_not_found");
    }

    [Fact]
    public async Task FailuresDuringMaintenanceOpenNoIncident()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var project = await user.CreateProjectAsync("Maintained");
        var id = (await user.CreateDeviceAsync(project, new { name = "Patched", type = "http", url = target.Url, interval = 20 })).Id;
        await user.UntilDeviceAsync(project, id, d => d.Status == "up", "the device to be up");

        var set = await user.Session.PostAsJsonAsync($"/api/maintenance/project/{project}", new { end = DateTimeOffset.UtcNow.AddHours(1), reason = "kernel upgrade" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        target.StatusCode = 500;
        var during = await user.UntilDeviceAsync(project, id, d => d.IsDown, "the device to fail during maintenance");

        Assert.Equal("maintenance", during.Status);
        Assert.Equal("kernel upgrade", during.Maintenance!.Reason);
        Assert.Null(during.OpenIncidentId);
        Assert.Equal(0, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1", Guid.Parse(id)));

        // Checks made during the window are marked: the uptime report can leave them out.
        await fixture.Monitoring.SiloService<OrleansMonitor.Grains.Storage.HeartbeatWriter>().FlushAsync(TimeSpan.FromSeconds(10));
        var withMaintenance = await DeviceUptimeAsync(user, id, exclude: false);
        var withoutMaintenance = await DeviceUptimeAsync(user, id, exclude: true);
        Assert.True(withMaintenance < 100, $"uptime counting maintenance failures is {withMaintenance}");
        Assert.Equal(100, withoutMaintenance);

        Assert.Equal(HttpStatusCode.OK, (await user.Session.PostAsJsonAsync("/api/maintenance/devices/bulk-clear", new { deviceIds = new[] { id } })).StatusCode);
        var after = await user.DeviceAsync(project, id);
        Assert.Null(after.Maintenance);
        Assert.Equal("down", after.Status);
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/maintenance/device/{id}", new { start = "2026-01-02T00:00:00Z", end = "2026-01-01T00:00:00Z" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/maintenance/project/{Guid.NewGuid()}", new { end = DateTimeOffset.UtcNow.AddHours(1) }), HttpStatusCode.NotFound, "project_not_found");
    }

    private static async Task<double> DeviceUptimeAsync(ApiUser user, string deviceId, bool exclude)
    {
        var report = await user.Session.GetJsonAsync<DashmonUptimeReport>($"/api/reports/uptime?period=daily&excludeMaintenance={(exclude ? "true" : "false")}");
        var periods = report.Devices.Single(d => d.DeviceId == deviceId).Periods;
        var checks = periods.Sum(p => p.Checks);
        var up = periods.Sum(p => p.UpChecks);
        return checks == 0 ? -1 : Math.Round(100.0 * up / checks, 4);
    }
}
