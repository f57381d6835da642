using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Grains.Text;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>A target that answers NUL characters and megabytes of text costs only itself: its text is cleaned and capped before it is kept.</summary>
[Collection(FaultCollection.Name)]
public sealed class MonitorHostileTextTests(FaultClusterFixture fixture)
{
    private static MonitorConfig Checked(string name, string url) =>
        TestMonitors.Http(name, url) with { Assertions = [new SyntheticAssertion(SyntheticAssertionKind.JsonPathEquals, "$.status", "up")] };

    [Fact]
    public async Task NulAndHugeTextEchoedIntoFailuresAreCleanedAndCappedAndTheOtherMonitorsKeepLanding()
    {
        await using var hostile = LocalHttpTarget.Start();
        hostile.ContentType = "application/json";
        hostile.Body = "{\"status\":\"\\u0000" + new string('x', 20_000) + "\"}";
        await using var healthy = LocalHttpTarget.Start();
        var workspace = Guid.NewGuid();
        var hostileId = Guid.NewGuid();
        var healthyId = Guid.NewGuid();
        var hostileGrain = fixture.Monitoring.Client.GetGrain<IMonitorGrain>(hostileId);
        Assert.NotNull((await hostileGrain.CreateAsync(WorkspaceAccess.OwnerOf(workspace), "owner@example.test", Checked("Hostile", hostile.Url))).Monitor);
        Assert.NotNull((await fixture.Monitoring.Client.GetGrain<IMonitorGrain>(healthyId).CreateAsync(WorkspaceAccess.OwnerOf(workspace), "owner@example.test", Checked("Healthy", healthy.Url) with { Assertions = [] })).Monitor);

        var down = await Eventually.HoldsAsync(() => hostileGrain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.IsDown && m.OpenIncidentId is not null, "the hostile target's monitor to go down");
        var message = down!.Heartbeats[0].Message;
        Assert.StartsWith("Assertions failed: $.status is \"\uFFFDxxx", message, StringComparison.Ordinal);
        Assert.Equal(StoredText.MessageMaxLength, message.Length);
        Assert.True(StoredText.IsClean(message));

        var writers = Enumerable.Range(0, fixture.Monitoring.Cluster.Silos.Count).Select(i => fixture.Monitoring.SiloService<HeartbeatWriter>(i)).ToArray();
        var healthyBefore = await StoredAsync(healthyId);
        await Eventually.HoldsAsync(() => StoredAsync(healthyId), n => n >= healthyBefore + 3, "the other monitor's heartbeats to keep landing");
        foreach (var writer in writers)
        {
            Assert.True(await writer.FlushAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(0, writer.Stats.Rejected);
        }

        Assert.True(await StoredAsync(hostileId) >= 2, "the hostile monitor's own heartbeats are stored too");
        Assert.Equal(StoredText.MessageMaxLength, await fixture.Database.ScalarAsync<int>("SELECT max(length(message)) FROM om_heartbeats WHERE monitor_id = $1", hostileId));
        Assert.Equal(StoredText.MessageMaxLength, await fixture.Database.ScalarAsync<int>("SELECT length(cause) FROM om_incidents WHERE monitor_id = $1", hostileId));
    }

    private Task<long> StoredAsync(Guid id) => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = $1", id);
}
