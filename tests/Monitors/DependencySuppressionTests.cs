using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>
/// Dependencies on the probe path, with real loopback targets: a child failing while its parent is down is down
/// "suppressed by dependency" with no incident row (so nothing is alerted); it opens its own incident once the parent is
/// up and it still fails, or when its parent cannot be asked.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DependencySuppressionTests(ClusterFixture fixture)
{
    private const string Suppressed = "suppressed by dependency: ";

    private static object Http(string name, string url, string? parentId = null) =>
        parentId is null
            ? new { name, type = "http", url, interval = 20, retryInterval = 20, timeout = 5 }
            : new { name, type = "http", url, interval = 20, retryInterval = 20, timeout = 5, parentId };

    private Task<long> IncidentsOfAsync(string deviceId) =>
        fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1", Guid.Parse(deviceId));

    private Task<long> OpenIncidentsOfAsync(string deviceId) =>
        fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1 AND resolved_at IS NULL", Guid.Parse(deviceId));

    /// <summary>A parent down with its incident open, and a child of it whose own target fails, suppressed.</summary>
    private async Task<(ApiUser User, Guid Project, DashmonDevice Parent, DashmonDevice Child)> SuppressedChildAsync(LocalHttpTarget parentTarget, LocalHttpTarget childTarget)
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Site");
        var parent = await user.CreateDeviceAsync(project, Http("Core router", parentTarget.Url));
        var child = await user.CreateDeviceAsync(project, Http("Web server", childTarget.Url, parent.Id));
        await user.UntilDeviceAsync(project, child.Id, d => d.Status == "up", "the child to be up");

        parentTarget.StatusCode = 500;
        await user.UntilDeviceAsync(project, parent.Id, d => d.OpenIncidentId is not null, "the parent to open its incident");
        childTarget.StatusCode = 503;
        var down = await user.UntilDeviceAsync(project, child.Id, d => d.IsDown, "the child to be down");
        Assert.Equal("down", down.Status);
        Assert.Equal(Suppressed + "Core router is down", down.LastMessage);
        Assert.Null(down.OpenIncidentId);
        return (user, project, parent, child);
    }

    [Fact]
    public async Task ChildOfADownParentIsDownSuppressedByDependencyWithNoIncident()
    {
        await using var parentTarget = LocalHttpTarget.Start();
        await using var childTarget = LocalHttpTarget.Start();
        var (user, project, parent, child) = await SuppressedChildAsync(parentTarget, childTarget);

        // Further failures stay suppressed: each asks the parent again and still opens nothing.
        var history = await Eventually.HoldsAsync(
            () => user.HistoryAsync(child.Id, "100"),
            h => h.Samples.Count(s => s.Message.StartsWith(Suppressed, StringComparison.Ordinal)) >= 4,
            "four suppressed failures of the child");
        Assert.All(history.Samples.Where(s => s.Message.StartsWith(Suppressed, StringComparison.Ordinal)), s => Assert.False(s.Up));

        Assert.Equal(0, await IncidentsOfAsync(child.Id));
        Assert.Equal(1, await OpenIncidentsOfAsync(parent.Id));
        var summary = (await user.ProjectsAsync()).Single(p => p.Id == project.ToString()).Devices.Single(d => d.Id == child.Id);
        Assert.Equal("down", summary.Status);
    }

    [Fact]
    public async Task ParentAndChildFailingAtOnceOpenOnlyTheParentsIncident()
    {
        await using var parentTarget = LocalHttpTarget.Start();
        await using var childTarget = LocalHttpTarget.Start();
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Power cut");
        var parent = await user.CreateDeviceAsync(project, Http("Uplink", parentTarget.Url));

        // The child's retry waits two of the parent's intervals, so the parent has failed a probe when the child is declared down.
        var child = await user.CreateDeviceAsync(project, new { name = "Shop", type = "http", url = childTarget.Url, interval = 20, retryInterval = 40, timeout = 5, parentId = parent.Id });
        await user.UntilDeviceAsync(project, child.Id, d => d.Status == "up", "the child to be up");
        await user.UntilDeviceAsync(project, parent.Id, d => d.Status == "up", "the parent to be up");

        parentTarget.StatusCode = 500;
        childTarget.StatusCode = 500;
        await user.UntilDeviceAsync(project, parent.Id, d => d.OpenIncidentId is not null, "the parent to open its incident");
        var down = await user.UntilDeviceAsync(project, child.Id, d => d.IsDown, "the child to be down");
        await Eventually.HoldsAsync(
            () => user.HistoryAsync(child.Id, "100"),
            h => h.Samples.Count(s => s.Message.StartsWith(Suppressed, StringComparison.Ordinal)) >= 2,
            "two suppressed failures of the child");

        Assert.Equal(Suppressed + "Uplink is down", down.LastMessage);
        Assert.Equal(0, await IncidentsOfAsync(child.Id));
        Assert.Equal(1, await OpenIncidentsOfAsync(parent.Id));
    }

    [Fact]
    public async Task ChildStillFailingOpensItsIncidentOnceTheParentIsUp()
    {
        await using var parentTarget = LocalHttpTarget.Start();
        await using var childTarget = LocalHttpTarget.Start();
        var (user, project, parent, child) = await SuppressedChildAsync(parentTarget, childTarget);

        parentTarget.StatusCode = 200;
        await user.UntilDeviceAsync(project, parent.Id, d => d.Status == "up", "the parent to be up again");
        var own = await user.UntilDeviceAsync(project, child.Id, d => d.OpenIncidentId is not null, "the child to open its own incident");

        Assert.True(own.IsDown);
        Assert.DoesNotContain(Suppressed, own.LastMessage);
        Assert.Equal(1, await OpenIncidentsOfAsync(child.Id));
        var cause = await fixture.Monitoring.Database.ScalarAsync<string>("SELECT cause FROM om_incidents WHERE monitor_id = $1", Guid.Parse(child.Id));
        Assert.StartsWith("503", cause);

        // Its recovery resolves the incident it opened.
        childTarget.StatusCode = 200;
        await user.UntilDeviceAsync(project, child.Id, d => d.Status == "up", "the child to be up again");
        await Eventually.HoldsAsync(() => OpenIncidentsOfAsync(child.Id), n => n == 0, "the child's incident to be resolved");
    }

    [Fact]
    public async Task ChildRecoveringWhileSuppressedResolvesNothing()
    {
        await using var parentTarget = LocalHttpTarget.Start();
        await using var childTarget = LocalHttpTarget.Start();
        var (user, project, _, child) = await SuppressedChildAsync(parentTarget, childTarget);

        childTarget.StatusCode = 200;
        await user.UntilDeviceAsync(project, child.Id, d => d.Status == "up", "the child to be up while its parent is down");

        Assert.Equal(0, await IncidentsOfAsync(child.Id));
    }

    [Fact]
    public async Task ChildOfAnUpParentOpensItsIncidentAsUsual()
    {
        await using var parentTarget = LocalHttpTarget.Start();
        await using var childTarget = LocalHttpTarget.Start();
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Healthy parent");
        var parent = await user.CreateDeviceAsync(project, Http("Switch", parentTarget.Url));
        var child = await user.CreateDeviceAsync(project, Http("Printer", childTarget.Url, parent.Id));
        await user.UntilDeviceAsync(project, parent.Id, d => d.Status == "up", "the parent to be up");

        childTarget.StatusCode = 500;
        var down = await user.UntilDeviceAsync(project, child.Id, d => d.OpenIncidentId is not null, "the child to open its incident");

        Assert.DoesNotContain(Suppressed, down.LastMessage);
        Assert.Equal(1, await OpenIncidentsOfAsync(child.Id));
        Assert.Equal("up", (await user.DeviceAsync(project, parent.Id)).Status);
    }

    [Fact]
    public async Task ChildWithAnOpenIncidentKeepsItWhenTheParentGoesDown()
    {
        await using var parentTarget = LocalHttpTarget.Start();
        await using var childTarget = LocalHttpTarget.Start();
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Child first");
        var parent = await user.CreateDeviceAsync(project, Http("Firewall", parentTarget.Url));
        var child = await user.CreateDeviceAsync(project, Http("Mail", childTarget.Url, parent.Id));
        childTarget.StatusCode = 500;
        var incident = (await user.UntilDeviceAsync(project, child.Id, d => d.OpenIncidentId is not null, "the child to open its incident")).OpenIncidentId;

        parentTarget.StatusCode = 500;
        await user.UntilDeviceAsync(project, parent.Id, d => d.OpenIncidentId is not null, "the parent to open its incident");
        var firstAfter = (await user.HistoryAsync(child.Id, "1")).Samples.Single().Time;
        await Eventually.HoldsAsync(() => user.HistoryAsync(child.Id, "1"), h => h.Samples.Single().Time != firstAfter, "a child failure after the parent went down");

        var after = await user.DeviceAsync(project, child.Id);
        Assert.Equal(incident, after.OpenIncidentId);
        Assert.DoesNotContain(Suppressed, after.LastMessage);
        Assert.Equal(1, await OpenIncidentsOfAsync(child.Id));
    }

    [Fact]
    public async Task ParentDeletedWhileTheChildIsSuppressedLeavesTheChildAlertingAndProbing()
    {
        await using var parentTarget = LocalHttpTarget.Start();
        await using var childTarget = LocalHttpTarget.Start();
        var (user, project, parent, child) = await SuppressedChildAsync(parentTarget, childTarget);

        Assert.Equal(HttpStatusCode.OK, (await user.Session.DeleteAsync($"/api/devices/{parent.Id}")).StatusCode);
        var own = await user.UntilDeviceAsync(project, child.Id, d => d.OpenIncidentId is not null, "the child to open its own incident");

        Assert.Null(own.ParentId);
        Assert.Equal(1, await OpenIncidentsOfAsync(child.Id));
        var probes = childTarget.Requests;
        await Eventually.HoldsAsync(() => Task.FromResult(childTarget.Requests), n => n >= probes + 2, "the child to keep probing");
    }
}
