using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Workspaces;

/// <summary>
/// The workspace's fan-outs over monitors never wait behind a monitor that is itself waiting for the workspace. A
/// device being deleted writes its tombstone (slowed down here), asks the workspace to drop it from the index, then
/// removes its data (its receiver token slowed down too), while a fan-out already waits for that device. In an
/// ordinary (non-interleaved) turn the fan-out would hold the workspace: the device's call would wait for it until the
/// call timed out (30 s), and the device could only leave the index after the fan-out had finished.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FanOutReentrancyTests(FaultClusterFixture fixture)
{
    public enum FanOut { BulkMaintenance, ProjectMaintenance, RefreshAll }

    [Theory]
    [InlineData(FanOut.BulkMaintenance)]
    [InlineData(FanOut.ProjectMaintenance)]
    [InlineData(FanOut.RefreshAll)]
    public async Task ADeviceLeavesTheIndexWhileAFanOutWaitsForIt(FanOut fanOut)
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Reentrant");
        var name = $"Leaving {Guid.NewGuid():N}";
        async Task<Guid> DeviceAsync(string deviceName) =>
            Guid.Parse((await user.CreateDeviceAsync(project, new { name = deviceName, type = "heartbeat", heartbeat = new { interval = 86400, grace = 0 } })).Id);
        var leaving = await DeviceAsync(name);
        var staying = await DeviceAsync("Staying");
        var workspace = fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(user.UserId);
        var owner = WorkspaceAccess.OwnerOf(user.UserId);

        await using (await fixture.SlowDownAsync(
            "orleans_storage",
            "UPDATE",
            TimeSpan.FromSeconds(3),
            $"""convert_from(NEW.payload_binary, 'UTF8') LIKE '%{name}%' AND convert_from(NEW.payload_binary, 'UTF8') LIKE '%"Lifecycle":2%'"""))
        await using (await fixture.SlowDownAsync("om_heartbeat_tokens", "DELETE", TimeSpan.FromSeconds(6), $"OLD.monitor_id = '{leaving}'"))
        {
            var deleted = user.Session.DeleteAsync($"/api/devices/{leaving}");
            await Eventually.HoldsAsync(
                () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'"),
                n => n > 0,
                "the device's tombstone write to be under way");

            // The fan-out's call to the leaving device queues behind its deletion, which then calls the workspace.
            var fanned = RunAsync(workspace, owner, fanOut, project, [leaving, staying]);
            await Eventually.HoldsAsync(() => workspace.ProjectOfAsync(leaving), p => p is null, "the deleted device to leave the workspace's index", TimeSpan.FromSeconds(60));
            Assert.False(fanned.IsCompleted, $"the {fanOut} fan-out finished before the device it waited for could leave the index: it held the workspace");

            // Both devices were in the project when the fan-out took them, so both were asked.
            var expected = fanOut switch
            {
                FanOut.BulkMaintenance => $"updated 1, not found {leaving}",
                FanOut.ProjectMaintenance => "devices 2",
                _ => "queued 2",
            };
            Assert.Equal(expected, await fanned);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await deleted).StatusCode);
        }

        Assert.Equal(project, await workspace.ProjectOfAsync(staying));
        if (fanOut != FanOut.RefreshAll)
        {
            Assert.Equal("reentrancy", (await user.DeviceAsync(project, staying.ToString())).Maintenance!.Reason);
        }
    }

    /// <summary>Runs the fan-out and describes its answer.</summary>
    private static async Task<string> RunAsync(IWorkspaceGrain workspace, WorkspaceAccess caller, FanOut fanOut, Guid project, Guid[] devices)
    {
        var window = new MaintenanceWindow(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), "reentrancy");
        switch (fanOut)
        {
            case FanOut.BulkMaintenance:
                var bulk = await workspace.SetDevicesMaintenanceAsync(caller, devices, window);
                return $"updated {bulk.Updated}, not found {string.Join(",", bulk.NotFound)}";
            case FanOut.ProjectMaintenance:
                return $"devices {await workspace.SetProjectMaintenanceAsync(caller, project, window)}";
            default:
                return $"queued {(await workspace.RefreshAllAsync(caller)).Queued}";
        }
    }
}
