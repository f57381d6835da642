using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Device dependencies on the Dashmon routes: parentId on create, edit and read; what is refused; deleting a parent.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeviceDependencyTests(ClusterFixture fixture)
{
    private static object Tcp(string name, object? parentId = null) =>
        parentId is null
            ? new { name, type = "tcp", host = "127.0.0.1", port = 9, interval = 600 }
            : new { name, type = "tcp", host = "127.0.0.1", port = 9, interval = 600, parentId };

    private static async Task<DashmonDevice> UpdatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"update answered {(int)response.StatusCode}: {text}");
        return (await response.ReadJsonAsync<DashmonDeviceBody>()).Device;
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        var body = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.NotNull(body.Errors);
        Assert.True(body.Errors.ContainsKey("parentId"), $"the refusal names parentId: {string.Join(", ", body.Errors.Keys)}");
        return body.Errors["parentId"];
    }

    [Fact]
    public async Task ParentIdIsSetOnCreateShownOnReadsChangedOnEditAndRemovedWithNull()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Network");
        var other = await user.CreateProjectAsync("Servers");
        var router = await user.CreateDeviceAsync(project, Tcp("Router"));
        var sw = await user.CreateDeviceAsync(project, Tcp("Switch"));

        var server = await user.CreateDeviceAsync(other, Tcp("Server", router.Id));

        Assert.Null(router.ParentId);
        Assert.Equal(router.Id, server.ParentId);
        Assert.Equal(router.Id, (await user.DeviceAsync(other, server.Id)).ParentId);

        Assert.Equal(sw.Id, (await UpdatedAsync(await user.Session.PutAsJsonAsync($"/api/devices/{server.Id}", new { parentId = sw.Id }))).ParentId);
        var renamed = await UpdatedAsync(await user.Session.PutAsJsonAsync($"/api/devices/{server.Id}", new { name = "Server 1" }));
        Assert.Equal(sw.Id, renamed.ParentId); // left out: kept
        Assert.Equal(sw.Id, (await user.DeviceAsync(other, server.Id)).ParentId);

        var removed = await UpdatedAsync(await user.Session.PutAsync($"/api/devices/{server.Id}", JsonContent.Create(new Dictionary<string, object?> { ["parentId"] = null })));
        Assert.Null(removed.ParentId);
        Assert.Null((await user.DeviceAsync(other, server.Id)).ParentId);
        Assert.Equal("Server 1", removed.Name);
        Assert.Equal(0L, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_monitors WHERE monitor_id = $1 AND parent_id IS NOT NULL", Guid.Parse(server.Id)));
    }

    [Fact]
    public async Task SelfTwoAndThreeDeviceCyclesAre422AndChangeNothing()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Cycles");
        var a = await user.CreateDeviceAsync(project, Tcp("Device A"));
        var b = await user.CreateDeviceAsync(project, Tcp("Device B", a.Id));
        var c = await user.CreateDeviceAsync(project, Tcp("Device C", b.Id));

        Assert.Contains("itself", await RefusedAsync(await user.Session.PutAsJsonAsync($"/api/devices/{a.Id}", new { name = "Renamed A", parentId = a.Id })));
        Assert.Contains("cycle", await RefusedAsync(await user.Session.PutAsJsonAsync($"/api/devices/{a.Id}", new { name = "Renamed A", parentId = b.Id })));
        Assert.Contains("cycle", await RefusedAsync(await user.Session.PutAsJsonAsync($"/api/devices/{a.Id}", new { name = "Renamed A", parentId = c.Id })));
        Assert.Contains("cycle", await RefusedAsync(await user.Session.PutAsJsonAsync($"/api/devices/{b.Id}", new { parentId = c.Id })));

        var after = await user.DeviceAsync(project, a.Id);
        Assert.Equal("Device A", after.Name);
        Assert.Null(after.ParentId);
        Assert.Equal(a.Id, (await user.DeviceAsync(project, b.Id)).ParentId);
        Assert.Equal(b.Id, (await user.DeviceAsync(project, c.Id)).ParentId);
        Assert.Equal(0L, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_monitors WHERE monitor_id = $1 AND parent_id IS NOT NULL", Guid.Parse(a.Id)));
    }

    [Fact]
    public async Task MalformedUnknownAndAnotherWorkspacesParentsAreRefused()
    {
        var user = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Refusals");
        var theirs = await stranger.CreateDeviceAsync(await stranger.CreateProjectAsync("Theirs"), Tcp("Their router"));
        var mine = await user.CreateDeviceAsync(project, Tcp("Mine"));

        Assert.Contains("UUID", await RefusedAsync(await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", Tcp("Bad id", "not-a-uuid"))));
        Assert.Contains("UUID", await RefusedAsync(await user.Session.PutAsJsonAsync($"/api/devices/{mine.Id}", new { parentId = 42 })));
        var unknown = await RefusedAsync(await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", Tcp("Orphan", Guid.NewGuid())));
        var foreign = await RefusedAsync(await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", Tcp("Borrower", theirs.Id)));
        Assert.Equal(unknown, foreign); // another workspace's device reads exactly as one that does not exist
        Assert.Equal(foreign, await RefusedAsync(await user.Session.PutAsJsonAsync($"/api/devices/{mine.Id}", new { parentId = theirs.Id })));

        Assert.Equal(["Mine"], (await user.ProjectsAsync()).Single(p => p.Id == project.ToString()).Devices.Select(d => d.Name));
        Assert.Null((await user.DeviceAsync(project, mine.Id)).ParentId);
    }

    [Fact]
    public async Task DeletingAParentLeavesItsChildrenWithoutParent()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Deletion");
        var parent = await user.CreateDeviceAsync(project, Tcp("Uplink"));
        var first = await user.CreateDeviceAsync(project, Tcp("First", parent.Id));
        var second = await user.CreateDeviceAsync(project, Tcp("Second", parent.Id));

        Assert.Equal(HttpStatusCode.OK, (await user.Session.DeleteAsync($"/api/devices/{parent.Id}")).StatusCode);

        Assert.Null((await user.DeviceAsync(project, first.Id)).ParentId);
        Assert.Null((await user.DeviceAsync(project, second.Id)).ParentId);
        Assert.Equal(0L, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_monitors WHERE parent_id = $1", Guid.Parse(parent.Id)));

        // The children take a new parent as any device does.
        Assert.Equal(first.Id, (await UpdatedAsync(await user.Session.PutAsJsonAsync($"/api/devices/{second.Id}", new { parentId = first.Id }))).ParentId);
    }

    [Fact]
    public async Task DeletingAProjectLeavesChildrenInOtherProjectsWithoutParent()
    {
        var user = await fixture.NewUserAsync();
        var doomed = await user.CreateProjectAsync("Doomed");
        var kept = await user.CreateProjectAsync("Kept");
        var parent = await user.CreateDeviceAsync(doomed, Tcp("Gateway"));
        var child = await user.CreateDeviceAsync(kept, Tcp("Behind the gateway", parent.Id));

        Assert.Equal(HttpStatusCode.OK, (await user.Session.DeleteAsync($"/api/projects/{doomed}")).StatusCode);

        Assert.Null((await user.DeviceAsync(kept, child.Id)).ParentId);
        Assert.Contains("device of this workspace", await RefusedAsync(await user.Session.PutAsJsonAsync($"/api/devices/{child.Id}", new { parentId = parent.Id })));
    }

    [Fact]
    public async Task ConcurrentEditsNeverCloseACycleTogether()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Races");
        var devices = new List<DashmonDevice>();
        for (var i = 0; i < 3; i++)
        {
            devices.Add(await user.CreateDeviceAsync(project, Tcp($"Racer {i}")));
        }

        // Each round: every device asks for the next one as its parent at once; any two of them succeed, never all three.
        for (var round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(devices.Select((d, i) =>
                user.Session.PutAsJsonAsync($"/api/devices/{d.Id}", new { parentId = devices[(i + 1) % devices.Count].Id })));
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"answered {(int)a.StatusCode}"));
            Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.UnprocessableEntity);

            var linked = 0;
            foreach (var d in devices)
            {
                linked += (await user.DeviceAsync(project, d.Id)).ParentId is null ? 0 : 1;
            }

            Assert.True(linked < devices.Count, $"round {round}: all {linked} devices have a parent, a cycle");
            foreach (var d in devices)
            {
                await UpdatedAsync(await user.Session.PutAsync($"/api/devices/{d.Id}", JsonContent.Create(new Dictionary<string, object?> { ["parentId"] = null })));
            }
        }
    }
}
