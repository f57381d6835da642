using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Monitors;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>Re-activation after silo loss and restart, on a cluster of its own (these tests stop silos).</summary>
public sealed class SiloRestartTests : IAsyncLifetime
{
    private readonly MonitoringCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    private static MonitorConfig Config(string url) => TestMonitors.Http("Survivor", url);

    [Fact]
    public async Task ResumesProbingWithHistoryAfterItsSiloIsLostAndAfterAFullRestart()
    {
        await using var target = LocalHttpTarget.Start();
        var workspace = Guid.NewGuid();
        var id = Guid.NewGuid();
        var created = await _cluster.Client.GetGrain<IMonitorGrain>(id).CreateAsync(WorkspaceAccess.OwnerOf(workspace), "owner@example.test", Config(target.Url));
        Assert.NotNull(created.Monitor);
        await Eventually.HoldsAsync(() => _cluster.Client.GetGrain<IMonitorGrain>(id).GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.Heartbeats.Count >= 3, "three heartbeats before the loss");

        // Silo loss: a second silo joins, the first one dies. The reminder (5 s here) brings the monitor back on the survivor.
        await _cluster.Cluster.StartAdditionalSiloAsync();
        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.Silos[0]);
        var requestsAfterLoss = target.Requests;
        var revived = await Eventually.HoldsAsync(
            () => _cluster.Client.GetGrain<IMonitorGrain>(id).GetAsync(WorkspaceAccess.OwnerOf(workspace)),
            m => target.Requests >= requestsAfterLoss + 2 && m!.Heartbeats.Count >= 5,
            "probing to resume on the surviving silo",
            TimeSpan.FromSeconds(40));
        Assert.True(revived!.Heartbeats.Count >= 5, "heartbeats from before the loss were rebuilt from PostgreSQL");

        // Full restart: the surviving silo stops cleanly and a new one starts; the warm-up wakes every known monitor.
        var before = revived.Heartbeats.Count;
        var dayBefore = (await _cluster.Client.GetGrain<IMonitorGrain>(id).GetAsync(WorkspaceAccess.OwnerOf(workspace)))!.Percentiles.Single(p => p.Window == "24h").Count;
        await _cluster.Cluster.StopSiloAsync(_cluster.Cluster.Silos[0]);
        Assert.Equal(1, await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_latency_hours WHERE monitor_id = $1", id)); // written as it deactivated
        await _cluster.Cluster.StartAdditionalSiloAsync();
        var warmup = _cluster.SiloService<MonitorWarmup>();
        await warmup.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(warmup.Woken >= 1);
        var requestsAfterRestart = target.Requests;
        await Eventually.HoldsAsync(() => Task.FromResult(target.Requests), r => r >= requestsAfterRestart + 2, "probing to resume after the restart", TimeSpan.FromSeconds(15));
        // The stored figures arrive while the monitor already probes.
        await Eventually.HoldsAsync(
            () => _cluster.Client.GetGrain<IMonitorGrain>(id).GetAsync(WorkspaceAccess.OwnerOf(workspace)),
            m => m!.Heartbeats.Count >= before && m.Percentiles.Single(p => p.Window == "24h").Count >= dayBefore,
            $"the history ({before} recent heartbeats, {dayBefore} latency samples of the day) to be kept across the restart");
    }

    [Fact]
    public async Task WarmupWakesEveryOtherMonitorWhenOneCannotBeActivated()
    {
        await using var target = LocalHttpTarget.Start();
        var workspace = Guid.NewGuid();
        var ids = new List<Guid>();
        foreach (var name in new[] { "Corrupt state", "Healthy one", "Healthy two" })
        {
            var id = Guid.NewGuid();
            Assert.NotNull((await _cluster.Client.GetGrain<IMonitorGrain>(id).CreateAsync(WorkspaceAccess.OwnerOf(workspace), "owner@example.test", Config(target.Url) with { Name = name })).Monitor);
            ids.Add(id);
        }

        await _cluster.Cluster.StopSiloAsync(_cluster.Cluster.Silos[0]);
        // The first monitor the warm-up meets has a state that no longer reads.
        await _cluster.Database.ExecuteAsync("UPDATE orleans_storage SET payload_binary = convert_to('{not json', 'UTF8') WHERE convert_from(payload_binary, 'UTF8') LIKE '%Corrupt state%'");
        await _cluster.Cluster.StartAdditionalSiloAsync();
        var warmup = _cluster.SiloService<MonitorWarmup>();
        await warmup.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, warmup.Failed);
        Assert.Equal(2, warmup.Woken);
        foreach (var id in ids.Skip(1))
        {
            await Eventually.HoldsAsync(() => _cluster.Client.GetGrain<IMonitorGrain>(id).GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.LastCheck > DateTimeOffset.UtcNow.AddSeconds(-3), "the healthy monitors to probe after the restart");
        }
    }
}
