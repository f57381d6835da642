using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
        var id = created["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync($"/api/devices/{id}/tags", new { tags = new[] { "Prod", "web", "prod" } })).StatusCode);

        var device = await user.UntilDeviceAsync(project, id, d => d["status"]!.GetValue<string>() == "up", "the device to be up");

        Assert.Equal("Home page", device["name"]!.GetValue<string>());
        Assert.Equal(project.ToString(), device["projectId"]!.GetValue<string>());
        Assert.Equal(["prod", "web"], device["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(100, device["uptime24h"]!.GetValue<double>());
        Assert.True(DateTimeOffset.TryParse(device["lastCheck"]!.GetValue<string>(), out _));
        Assert.EndsWith("Z", device["lastCheck"]!.GetValue<string>());
        Assert.Equal("200 - OK", device["lastMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeviceUnderAnotherProjectOrWorkspaceIs404()
    {
        var user = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("A");
        var other = await user.CreateProjectAsync("B");
        var id = (await user.CreateDeviceAsync(project, new { name = "Port", type = "tcp", host = "127.0.0.1", port = 9, interval = 30 }))["id"]!.GetValue<string>();

        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/projects/{other}/devices/{id}"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.GetAsync($"/api/projects/{project}/devices/{id}"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PutAsJsonAsync($"/api/devices/{id}", new { name = "Mine now" }), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.DeleteAsync($"/api/devices/{id}"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.GetAsync($"/api/devices/{id}/history"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PostAsync($"/api/devices/{id}/test-now", null), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PutAsJsonAsync($"/api/devices/{id}/tags", new { tags = new[] { "x" } }), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PostAsJsonAsync($"/api/maintenance/device/{id}", new { end = DateTimeOffset.UtcNow.AddHours(1) }), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "Sneaky", type = "tcp", host = "127.0.0.1", port = 9 }), HttpStatusCode.NotFound, "project_not_found");
        Assert.Equal("Port", (await user.DeviceAsync(project, id))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidDeviceBodiesAre422WithFieldErrors()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Invalid");

        var badType = await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "X1", type = "smtp" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        var badRules = await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "X", type = "http", url = "ftp://x", interval = 5 }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        var noDns = await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "Resolver", type = "dns" }), HttpStatusCode.UnprocessableEntity, "validation_failed");

        Assert.True(badType["errors"]!.AsObject().ContainsKey("type"));
        Assert.True(badRules["errors"]!.AsObject().ContainsKey("name"));
        Assert.True(badRules["errors"]!.AsObject().ContainsKey("url"));
        Assert.True(badRules["errors"]!.AsObject().ContainsKey("interval"));
        Assert.True(noDns["errors"]!.AsObject().ContainsKey("dns"));
        Assert.Empty((await user.Session.GetFromJsonAsync<JsonObject>("/api/projects"))!["projects"]!.AsArray().SelectMany(p => p!["devices"]!.AsArray()));
    }

    [Fact]
    public async Task ValidationErrorsNameTheFieldsDashmonSpeaks()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Named errors");
        var id = (await user.CreateDeviceAsync(project, new { name = "Page", type = "http", url = "http://127.0.0.1:9/", interval = 600 }))["id"]!.GetValue<string>();

        var created = await ApiAssert.ErrorAsync(
            await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "Codes", type = "http", url = "http://127.0.0.1:9/", expectedStatus = new[] { "700" }, timeout = 2 }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
        var updated = await ApiAssert.ErrorAsync(
            await user.Session.PutAsJsonAsync($"/api/devices/{id}", new { expectedStatus = new[] { "299-200" }, timeout = 601 }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");

        foreach (var errors in new[] { created["errors"]!.AsObject(), updated["errors"]!.AsObject() })
        {
            Assert.Equal(["expectedStatus", "timeout"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        }

        Assert.Equal("Page", (await user.DeviceAsync(project, id))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateAndDeleteADevice()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Ops");
        var id = (await user.CreateDeviceAsync(project, new { name = "Old name", type = "tcp", host = "127.0.0.1", port = 9, interval = 30 }))["id"]!.GetValue<string>();

        var updated = await user.Session.PutAsJsonAsync($"/api/devices/{id}", new { name = "New name", interval = 120 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var device = await user.DeviceAsync(project, id);
        Assert.Equal("New name", device["name"]!.GetValue<string>());
        Assert.Equal(120, device["interval"]!.GetValue<int>());
        Assert.Equal(9, device["port"]!.GetValue<int>());

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
        var id = (await user.CreateDeviceAsync(project, new { name = "Chart me", type = "http", url = target.Url, interval = 20 }))["id"]!.GetValue<string>();
        await Eventually.HoldsAsync(
            async () => (await user.Session.GetFromJsonAsync<JsonObject>($"/api/devices/{id}/history?limit=3"))!["samples"]!.AsArray().Count,
            count => count == 3,
            "three stored samples");

        var history = (await user.Session.GetFromJsonAsync<JsonObject>($"/api/devices/{id}/history?limit=5000"))!;

        Assert.Equal(1440, history["limit"]!.GetValue<int>());
        var times = history["samples"]!.AsArray().Select(s => DateTimeOffset.Parse(s!["time"]!.GetValue<string>())).ToArray();
        Assert.Equal(times.Order(), times);
        Assert.All(history["samples"]!.AsArray(), s => Assert.True(s!["up"]!.GetValue<bool>()));
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
        var id = (await user.CreateDeviceAsync(project, new { name = "Rare", type = "http", url = target.Url, interval = 600 }))["id"]!.GetValue<string>();

        var queued = await user.Session.PostAsync($"/api/devices/{id}/test-now", null);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        await user.UntilDeviceAsync(project, id, d => d["status"]!.GetValue<string>() == "up", "the immediate check", 5);

        var first = await user.Session.PostAsync("/api/devices/refresh-all", null);
        var second = await user.Session.PostAsync("/api/devices/refresh-all", null);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonObject>())!["queued"]!.GetValue<int>());
        await ApiAssert.ErrorAsync(second, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(int.Parse(second.Headers.GetValues("Retry-After").Single()), 1, 60);
    }

    [Fact]
    public async Task TagsAreCountedAndChangedInBulk()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Tagged");
        var a = (await user.CreateDeviceAsync(project, new { name = "Alpha", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 }))["id"]!.GetValue<string>();
        var b = (await user.CreateDeviceAsync(project, new { name = "Bravo", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 }))["id"]!.GetValue<string>();

        await user.Session.PutAsJsonAsync($"/api/devices/{a}/tags", new { tags = new[] { "db" } });
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PostAsJsonAsync("/api/devices/tags/bulk", new { action = "add", deviceIds = new[] { a, b }, tags = new[] { "eu" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PostAsJsonAsync("/api/devices/tags/bulk", new { action = "remove", deviceIds = new[] { b }, tags = new[] { "eu" } })).StatusCode);
        var tags = (await user.Session.GetFromJsonAsync<JsonObject>("/api/tags"))!["tags"]!.AsArray();

        Assert.Equal(2, tags.Count);
        Assert.Equal(1, tags.Single(t => t!["tag"]!.GetValue<string>() == "db")!["count"]!.GetValue<int>());
        Assert.Equal(1, tags.Single(t => t!["tag"]!.GetValue<string>() == "eu")!["count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PostAsJsonAsync("/api/devices/tags/bulk", new { action = "replace", deviceIds = new[] { a, b }, tags = new[] { "core" } })).StatusCode);
        Assert.Equal(["core"], (await user.DeviceAsync(project, b))["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
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
        var id = (await user.CreateDeviceAsync(project, new { name = "Patched", type = "http", url = target.Url, interval = 20 }))["id"]!.GetValue<string>();
        await user.UntilDeviceAsync(project, id, d => d["status"]!.GetValue<string>() == "up", "the device to be up");

        var set = await user.Session.PostAsJsonAsync($"/api/maintenance/project/{project}", new { end = DateTimeOffset.UtcNow.AddHours(1), reason = "kernel upgrade" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        target.StatusCode = 500;
        var during = await user.UntilDeviceAsync(project, id, d => d["isDown"]!.GetValue<bool>(), "the device to fail during maintenance");

        Assert.Equal("maintenance", during["status"]!.GetValue<string>());
        Assert.Equal("kernel upgrade", during["maintenance"]!["reason"]!.GetValue<string>());
        Assert.Null(during["openIncidentId"]);
        Assert.Equal(0, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1", Guid.Parse(id)));

        // Checks made during the window are marked: the uptime report can leave them out.
        await fixture.Monitoring.SiloService<OrleansMonitor.Grains.Storage.HeartbeatWriter>().FlushAsync(TimeSpan.FromSeconds(10));
        var withMaintenance = await DeviceUptimeAsync(user, id, exclude: false);
        var withoutMaintenance = await DeviceUptimeAsync(user, id, exclude: true);
        Assert.True(withMaintenance < 100, $"uptime counting maintenance failures is {withMaintenance}");
        Assert.Equal(100, withoutMaintenance);

        Assert.Equal(HttpStatusCode.OK, (await user.Session.PostAsJsonAsync("/api/maintenance/devices/bulk-clear", new { deviceIds = new[] { id } })).StatusCode);
        var after = await user.DeviceAsync(project, id);
        Assert.Null(after["maintenance"]);
        Assert.Equal("down", after["status"]!.GetValue<string>());
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/maintenance/device/{id}", new { start = "2026-01-02T00:00:00Z", end = "2026-01-01T00:00:00Z" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/maintenance/project/{Guid.NewGuid()}", new { end = DateTimeOffset.UtcNow.AddHours(1) }), HttpStatusCode.NotFound, "project_not_found");
    }

    private static async Task<double> DeviceUptimeAsync(ApiUser user, string deviceId, bool exclude)
    {
        var report = (await user.Session.GetFromJsonAsync<JsonObject>($"/api/reports/uptime?period=daily&excludeMaintenance={(exclude ? "true" : "false")}"))!;
        var periods = report["devices"]!.AsArray().Single(d => d!["deviceId"]!.GetValue<string>() == deviceId)!["periods"]!.AsArray();
        var checks = periods.Sum(p => p!["checks"]!.GetValue<long>());
        var up = periods.Sum(p => p!["upChecks"]!.GetValue<long>());
        return checks == 0 ? -1 : Math.Round(100.0 * up / checks, 4);
    }
}
