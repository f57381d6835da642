using OrleansMonitor.GrainInterfaces.Analytics;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Workspaces;

/// <summary>
/// The workspace grain's commands applied within the caller's project scope, called on the grains directly: a member
/// limited to one project changes, counts and lists only what is in it, and the rest is as if it did not exist.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ScopedCommandTests(ClusterFixture fixture)
{
    /// <summary>A push device with a one-day interval: it stays pending and records nothing by itself during a test.</summary>
    private static readonly object Quiet = new { name = "Quiet push", type = "heartbeat", heartbeat = new { interval = 86400, grace = 0 } };

    private sealed record Workspace(ApiUser Owner, IWorkspaceGrain Grain, WorkspaceAccess OwnerAccess, WorkspaceAccess Scoped, Guid Mine, Guid Theirs, Guid[] MyDevices, Guid TheirDevice);

    /// <summary>An owner's workspace with two projects: "Mine" (two devices), which the scoped editor sees, and "Theirs" (one device).</summary>
    private async Task<Workspace> WorkspaceAsync()
    {
        var owner = await fixture.NewUserAsync();
        var mine = await owner.CreateProjectAsync("Mine");
        var theirs = await owner.CreateProjectAsync("Theirs");
        async Task<Guid> DeviceAsync(Guid project) => Guid.Parse((await owner.CreateDeviceAsync(project, Quiet)).Id);
        var myDevices = new[] { await DeviceAsync(mine), await DeviceAsync(mine) };
        var theirDevice = await DeviceAsync(theirs);
        return new Workspace(
            owner,
            fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(owner.UserId),
            WorkspaceAccess.OwnerOf(owner.UserId),
            new WorkspaceAccess(owner.UserId, Guid.NewGuid(), WorkspaceRole.Editor, [mine]),
            mine,
            theirs,
            myDevices,
            theirDevice);
    }

    private async Task<string?> MaintenanceReasonAsync(Workspace w, Guid project, Guid device) =>
        (await w.Owner.DeviceAsync(project, device.ToString())).Maintenance?.Reason;

    [Fact]
    public async Task ScopedBulkMaintenanceSetsOnlyDevicesOfItsProjects()
    {
        var w = await WorkspaceAsync();
        var unknown = Guid.NewGuid();
        var window = new MaintenanceWindow(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), "scoped window");

        var outcome = await w.Grain.SetDevicesMaintenanceAsync(w.Scoped, [w.TheirDevice, w.MyDevices[0], unknown, w.MyDevices[0]], window);

        Assert.Equal(1, outcome.Updated);
        Assert.Equal([w.TheirDevice, unknown], outcome.NotFound);
        Assert.Equal("scoped window", await MaintenanceReasonAsync(w, w.Mine, w.MyDevices[0]));
        Assert.Null(await MaintenanceReasonAsync(w, w.Mine, w.MyDevices[1]));
        Assert.Null(await MaintenanceReasonAsync(w, w.Theirs, w.TheirDevice));
    }

    [Fact]
    public async Task ScopedProjectMaintenanceReachesOnlyItsProjects()
    {
        var w = await WorkspaceAsync();
        var window = new MaintenanceWindow(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), "project window");

        Assert.Null(await w.Grain.SetProjectMaintenanceAsync(w.Scoped, w.Theirs, window));
        Assert.Null(await w.Grain.SetProjectMaintenanceAsync(w.Scoped, Guid.NewGuid(), window));
        Assert.Equal(2, await w.Grain.SetProjectMaintenanceAsync(w.Scoped, w.Mine, window));

        Assert.Equal("project window", await MaintenanceReasonAsync(w, w.Mine, w.MyDevices[0]));
        Assert.Equal("project window", await MaintenanceReasonAsync(w, w.Mine, w.MyDevices[1]));
        Assert.Null(await MaintenanceReasonAsync(w, w.Theirs, w.TheirDevice));
        Assert.Equal(2, await w.Grain.SetProjectMaintenanceAsync(w.OwnerAccess, w.Mine, null));
        Assert.Null(await MaintenanceReasonAsync(w, w.Mine, w.MyDevices[0]));
    }

    [Fact]
    public async Task ScopedBulkTagsChangeOnlyItsDevicesAndNameNothingOutsideItsProjects()
    {
        var w = await WorkspaceAsync();
        var unknown = Guid.NewGuid();

        var owners = await w.Grain.BulkTagsAsync(w.OwnerAccess, TagOperation.Add, [w.TheirDevice, unknown], ["theirs"]);
        var scoped = await w.Grain.BulkTagsAsync(w.Scoped, TagOperation.Add, [w.MyDevices[0], w.TheirDevice, unknown, w.MyDevices[1]], ["mine"]);

        Assert.Equal(1, owners.Updated);
        Assert.Equal([unknown], owners.Missing);
        // Outside the scope, an unknown id and another project's device alike are neither changed nor named.
        Assert.Equal(2, scoped.Updated);
        Assert.Empty(scoped.Missing);
        Assert.Equal(["mine"], await w.Grain.TagsOfAsync(w.MyDevices[1]));
        Assert.Equal(["theirs"], await w.Grain.TagsOfAsync(w.TheirDevice));
        Assert.Equal([new TagCount("mine", 2)], await w.Grain.ListTagsAsync(w.Scoped));
        Assert.Equal([new TagCount("mine", 2), new TagCount("theirs", 1)], await w.Grain.ListTagsAsync(w.OwnerAccess));

        // A single device outside the scope is missing before its tags are looked at (as when the API host checked the
        // scope); for an unscoped caller the tags are checked first.
        var hidden = await w.Grain.SetTagsAsync(w.Scoped, w.TheirDevice, ["has space"]);
        Assert.Null(hidden.Error);
        Assert.Equal([w.TheirDevice], hidden.Missing);
        Assert.NotNull((await w.Grain.SetTagsAsync(w.OwnerAccess, unknown, ["has space"])).Error);
        Assert.Equal(["theirs"], await w.Grain.TagsOfAsync(w.TheirDevice));
    }

    [Fact]
    public async Task ScopedRefreshAllQueuesOnlyItsDevicesAndTakesTheWorkspacesSlot()
    {
        var w = await WorkspaceAsync();

        var scoped = await w.Grain.RefreshAllAsync(w.Scoped);
        var owner = await w.Grain.RefreshAllAsync(w.OwnerAccess);

        Assert.Equal(new RefreshAllOutcome(TimeSpan.Zero, 2), scoped);
        Assert.Equal(0, owner.Queued);
        Assert.InRange(owner.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task ScopedMemberListsOnlyItsProjectsAndCannotCreateOrChangeOthers()
    {
        var w = await WorkspaceAsync();

        var listed = await w.Grain.ListProjectsAsync(w.Scoped);
        var created = await w.Grain.CreateProjectAsync(w.Scoped, "Another", null);
        var renamed = await w.Grain.UpdateProjectAsync(w.Scoped, w.Theirs, "Renamed", null, false);
        var deleted = await w.Grain.DeleteProjectAsync(w.Scoped, w.Theirs);

        var project = Assert.Single(listed);
        Assert.Equal((w.Mine, 2), (project.Id, project.Devices.Count));
        Assert.True(created.ScopeForbids);
        Assert.Null(created.Project);
        Assert.True(renamed.NotFound);
        Assert.False(deleted);
        var all = await w.Grain.ListProjectsAsync(w.OwnerAccess);
        Assert.Equal(["Default", "Mine", "Theirs"], all.Select(p => p.Name));
        Assert.Equal("Mine, renamed", (await w.Grain.UpdateProjectAsync(w.Scoped, w.Mine, "Mine, renamed", null, false)).Project?.Name);
    }

    [Fact]
    public async Task SupportSummaryCountsOnlyTheCallersProjects()
    {
        var w = await WorkspaceAsync();
        foreach (var device in new[] { w.MyDevices[0], w.TheirDevice })
        {
            await fixture.Monitoring.Database.ExecuteAsync(
                "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause) VALUES ($1, $2, now() - interval '1 minute', 'Timeout')",
                device, w.Owner.UserId);
        }

        var scoped = await w.Grain.SupportSummaryAsync(w.Scoped);
        var owner = await w.Grain.SupportSummaryAsync(w.OwnerAccess);

        Assert.Equal((1, new DeviceStatusCounts(2, 0, 0, 2, 0), 1), (scoped.Projects, scoped.Devices, scoped.OpenIncidents));
        Assert.Equal((3, new DeviceStatusCounts(3, 0, 0, 3, 0), 2), (owner.Projects, owner.Devices, owner.OpenIncidents));
        // The plan is the workspace's, whoever asks.
        Assert.Equal(owner.Plan, scoped.Plan);
        Assert.Equal((3, 3), (scoped.Plan.Projects, scoped.Plan.Devices));
    }

    [Fact]
    public async Task UptimeReportCoversOnlyTheCallersProjects()
    {
        var w = await WorkspaceAsync();
        var bucket = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-2).AddHours(12), TimeSpan.Zero);
        foreach (var device in new[] { w.MyDevices[0], w.TheirDevice })
        {
            await fixture.Monitoring.Database.ExecuteAsync("INSERT INTO om_rollups_5m VALUES ($1, $2, 4, 3, 30, 5, 10, 1, 0)", device, bucket.UtcDateTime);
        }

        var report = await fixture.Monitoring.Client.GetGrain<IReportsGrain>(0).UptimeAsync(w.Scoped, ReportPeriod.Daily, excludeMaintenance: true);

        Assert.Equal("UTC", report.TimeZone);
        Assert.Equal(w.MyDevices.Order(), report.Devices.Select(d => d.DeviceId).Order());
        var project = Assert.Single(report.Projects);
        Assert.Equal(w.Mine, project.ProjectId);
        // One maintenance check (a failure) left out: 3 of 3.
        Assert.Equal([new UptimePeriod(bucket.UtcDateTime.Date, 3, 3, 100)], project.Periods);
        Assert.Equal(project.Periods, report.Devices.Single(d => d.DeviceId == w.MyDevices[0]).Periods);
        Assert.Empty(report.Devices.Single(d => d.DeviceId == w.MyDevices[1]).Periods);
    }

    [Fact]
    public async Task ACallerOfAnotherWorkspaceIsRefused()
    {
        var w = await WorkspaceAsync();
        var stranger = WorkspaceAccess.OwnerOf(Guid.NewGuid());

        await Assert.ThrowsAsync<ArgumentException>(() => w.Grain.ListProjectsAsync(stranger));
        await Assert.ThrowsAsync<ArgumentException>(() => w.Grain.SetDevicesMaintenanceAsync(stranger, w.MyDevices, null));
        await Assert.ThrowsAsync<ArgumentException>(() => w.Grain.BulkTagsAsync(stranger, TagOperation.Replace, w.MyDevices, []));
        Assert.Empty(await w.Grain.TagsOfAsync(w.MyDevices[0]));
    }
}
