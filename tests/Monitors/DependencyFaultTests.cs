using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Monitors;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>
/// A parent that cannot be asked whether it is down (its grain fails to activate: the grain storage is away) does not
/// silence its child: the child opens its incident, the failed call is counted, and the child keeps probing.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class DependencyFaultTests(FaultClusterFixture fixture)
{
    [Fact]
    public async Task ParentThatCannotBeAskedDoesNotSilenceTheChild()
    {
        await using var childTarget = LocalHttpTarget.Start();
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Unreachable parent");

        // A parent the workspace indexes but whose monitor grain has never been activated: asking it activates it,
        // which reads its state from the grain storage.
        var ghost = Guid.NewGuid();
        var workspace = fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(user.UserId);
        Assert.Equal(project, (await workspace.RegisterDeviceAsync(new DeviceSummary(ghost, project, "Ghost", MonitorType.Http, "pending", null, null, 0), project, 600)).ProjectId);
        var child = await user.CreateDeviceAsync(project, new { name = "Behind the ghost", type = "http", url = childTarget.Url, interval = 20, retryInterval = 20, timeout = 5, parentId = ghost.ToString() });
        Assert.Equal(ghost.ToString(), child.ParentId);
        await user.UntilDeviceAsync(project, child.Id, d => d.Status == "up", "the child to be up");

        var faults = fixture.Monitoring.SiloService<MonitorFaults>();
        var failedChecks = faults.DependencyCheckFailures;
        await fixture.Database.ExecuteAsync("ALTER TABLE orleans_storage RENAME TO orleans_storage_away");
        try
        {
            childTarget.StatusCode = 500;
            await Eventually.HoldsAsync(
                () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1 AND resolved_at IS NULL", Guid.Parse(child.Id)),
                n => n == 1,
                "the child to open its incident although its parent cannot be asked");
            Assert.True(faults.DependencyCheckFailures > failedChecks, "the failed parent call is counted");

            var probes = childTarget.Requests;
            await Eventually.HoldsAsync(() => Task.FromResult(childTarget.Requests), n => n >= probes + 2, "the child to keep probing");
        }
        finally
        {
            await fixture.Database.ExecuteAsync("ALTER TABLE orleans_storage_away RENAME TO orleans_storage");
        }

        var down = await user.UntilDeviceAsync(project, child.Id, d => d.OpenIncidentId is not null, "the child to show its incident");
        Assert.DoesNotContain("suppressed by dependency", down.LastMessage);
    }
}
