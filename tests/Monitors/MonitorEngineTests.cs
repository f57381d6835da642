using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>The monitor grain on a real cluster and PostgreSQL, probing real loopback targets (time compressed 20×).</summary>
[Collection(ClusterCollection.Name)]
public sealed class MonitorEngineTests(ClusterFixture fixture)
{
    private readonly MonitoringCluster _cluster = fixture.Monitoring;

    private static MonitorConfig HttpConfig(string url, int interval = 20, int retryInterval = 20) => new()
    {
        Name = "Local HTTP",
        Type = MonitorType.Http,
        Url = url,
        Method = "GET",
        ValidStatusCodes = ["200-299"],
        Interval = interval,
        RetryInterval = retryInterval,
        RequestTimeout = 5,
    };

    private async Task<(IMonitorGrain Grain, Guid Workspace, Guid Id)> CreateAsync(MonitorConfig config)
    {
        var id = Guid.NewGuid();
        var workspace = Guid.NewGuid();
        var grain = _cluster.Client.GetGrain<IMonitorGrain>(id);
        var outcome = await grain.CreateAsync(WorkspaceAccess.OwnerOf(workspace), "owner@example.test", config);
        Assert.NotNull(outcome.Monitor);
        return (grain, workspace, id);
    }

    private static Task<MonitorSnapshot> UntilAsync(IMonitorGrain grain, Guid workspace, Func<MonitorSnapshot, bool> condition, string what, int seconds = 20) =>
        Eventually.HoldsAsync(async () => (await grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)))!, condition, what, TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task ProbesEveryIntervalAndKeepsFiguresInMemory()
    {
        await using var target = LocalHttpTarget.Start();
        var (grain, workspace, id) = await CreateAsync(HttpConfig(target.Url));

        var monitor = await UntilAsync(grain, workspace, m => m.Heartbeats.Count >= 3, "three heartbeats at a 1 s (scaled 20 s) interval");

        Assert.All(monitor.Heartbeats, h => Assert.False(h.IsDown));
        Assert.Equal("200", monitor.Heartbeats[0].Status);
        Assert.Equal("200 - OK", monitor.Heartbeats[0].Message);
        Assert.True(monitor.Heartbeats[0].Date > monitor.Heartbeats[1].Date, "heartbeats are newest first");
        Assert.Equal(100, monitor.UptimePercentage);
        Assert.True(monitor.NextCheck > monitor.LastCheck);
        // One probe per 1 s grid point: never twice for one point (a doubled probe starts milliseconds after the first;
        // a late start on a loaded machine shortens the gap to the next point, hence the low floor), and no point
        // skipped twice.
        var gap = monitor.Heartbeats[0].Date - monitor.Heartbeats[1].Date;
        Assert.InRange(gap.TotalMilliseconds, 300, 2500);
        Assert.True(target.Requests >= 3);

        // Heartbeats reach PostgreSQL through the batching writer.
        Assert.True(await _cluster.SiloService<HeartbeatWriter>().FlushAsync(TimeSpan.FromSeconds(10)), "heartbeat writer flushed");
        var stored = await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = $1", id);
        Assert.True(stored >= 3, $"expected at least 3 stored heartbeats, found {stored}");
        Assert.Equal(stored, await _cluster.Database.ScalarAsync<long>("SELECT coalesce(sum(checks), 0)::bigint FROM om_rollups_5m WHERE monitor_id = $1", id));
    }

    [Fact]
    public async Task RetriesAfterRetryIntervalBeforeDeclaringDown()
    {
        await using var target = LocalHttpTarget.Start();
        target.StatusCode = 500;
        // Interval 3 s (60 scaled), retry 1 s (20 scaled): the retry must come sooner than the interval.
        var (grain, workspace, id) = await CreateAsync(HttpConfig(target.Url, interval: 60, retryInterval: 20));

        var first = await UntilAsync(grain, workspace, m => m.Heartbeats.Count >= 1, "the first (failing) probe", 10);
        Assert.True(first.Heartbeats[0].IsDown);
        Assert.False(first.IsDown, "one failure is not an outage yet");
        Assert.Null(first.OpenIncidentId);

        var down = await UntilAsync(grain, workspace, m => m.IsDown, "the monitor to be declared down after its retry", 10);
        Assert.Equal(2, down.Heartbeats.Count);
        var retryGap = down.Heartbeats[0].Date - down.Heartbeats[1].Date;
        Assert.InRange(retryGap.TotalMilliseconds, 800, 2500); // the retry interval (1 s), not the 3 s interval
        Assert.NotNull(down.OpenIncidentId);

        var incidents = await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1 AND resolved_at IS NULL", id);
        Assert.Equal(1, incidents);
        var cause = await _cluster.Database.ScalarAsync<string>("SELECT cause FROM om_incidents WHERE monitor_id = $1", id);
        Assert.Equal("500 - Internal Server Error", cause);
    }

    [Fact]
    public async Task IncidentOpensWhenTargetStopsAndResolvesWhenItReturns()
    {
        await using var target = LocalHttpTarget.Start();
        var (grain, workspace, id) = await CreateAsync(HttpConfig(target.Url));
        await UntilAsync(grain, workspace, m => m.Heartbeats.Count >= 1 && !m.IsDown, "the monitor to be up");

        await target.StopAsync();
        var down = await UntilAsync(grain, workspace, m => m.IsDown, "an incident after the target stopped");
        var incidentId = down.OpenIncidentId!.Value;

        target.Resume();
        var up = await UntilAsync(grain, workspace, m => !m.IsDown, "recovery after the target returned");
        Assert.Null(up.OpenIncidentId);
        Assert.False(up.Heartbeats[0].IsDown);

        var resolved = await _cluster.Database.ScalarAsync<bool>("SELECT resolved_at IS NOT NULL AND resolved_at > started_at FROM om_incidents WHERE id = $1", incidentId);
        Assert.True(resolved);
        Assert.Equal(1, await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1", id));
        Assert.True(up.UptimePercentage is > 0 and < 100, $"uptime {up.UptimePercentage} should reflect the outage");
    }

    [Fact]
    public async Task TcpMonitorIsUpWhileListeningAndDownWhenRefused()
    {
        await using var target = LocalTcpTarget.Start();
        var (grain, workspace, _) = await CreateAsync(new MonitorConfig
        {
            Name = "Local TCP",
            Type = MonitorType.Tcp,
            Url = "127.0.0.1",
            Port = target.Port,
            Interval = 20,
            RetryInterval = 20,
            RequestTimeout = 5,
        });

        var up = await UntilAsync(grain, workspace, m => m.Heartbeats.Count >= 1, "a TCP heartbeat");
        Assert.Equal("ALIVE", up.Heartbeats[0].Status);
        Assert.False(up.Heartbeats[0].IsDown);

        await target.StopAsync();
        var down = await UntilAsync(grain, workspace, m => m.IsDown, "the TCP monitor to go down");
        Assert.True(down.Heartbeats[0].IsDown);
    }

    [Fact]
    public async Task DeleteStopsProbingAndRemovesData()
    {
        await using var target = LocalHttpTarget.Start();
        var (grain, workspace, id) = await CreateAsync(HttpConfig(target.Url));
        await UntilAsync(grain, workspace, m => m.Heartbeats.Count >= 2, "two heartbeats");
        await _cluster.SiloService<HeartbeatWriter>().FlushAsync(TimeSpan.FromSeconds(10));

        Assert.False(await grain.DeleteAsync(WorkspaceAccess.OwnerOf(Guid.NewGuid())), "another workspace cannot delete it");
        Assert.True(await grain.DeleteAsync(WorkspaceAccess.OwnerOf(workspace)));

        var requestsAtDelete = target.Requests;
        await Task.Delay(2500); // more than two intervals: a live timer would have probed again
        Assert.InRange(target.Requests, requestsAtDelete, requestsAtDelete + 1);
        Assert.Null(await grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)));
        await _cluster.SiloService<HeartbeatWriter>().FlushAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = $1", id));
        Assert.Equal(0, await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_monitors WHERE monitor_id = $1", id));
        Assert.Equal(0, await _cluster.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE '%' || $1 || '%'", id.ToString("N")));
    }

    [Fact]
    public async Task AnotherWorkspaceSeesNothing()
    {
        await using var target = LocalHttpTarget.Start();
        var (grain, _, _) = await CreateAsync(HttpConfig(target.Url));
        var stranger = Guid.NewGuid();

        Assert.Null(await grain.GetAsync(WorkspaceAccess.OwnerOf(stranger)));
        Assert.Null(await grain.GetHeartbeatsAsync(WorkspaceAccess.OwnerOf(stranger), HeartbeatRange.Day));
        Assert.True((await grain.UpdateAsync(WorkspaceAccess.OwnerOf(stranger), HttpConfig(target.Url) with { Name = "Hijacked" })).NotFound);
    }

    [Fact]
    public async Task ASlowProbeDoesNotHoldUpEditsOrDeletes()
    {
        await using var target = SilentTarget.Start();
        var (grain, workspace, _) = await CreateAsync(HttpConfig(target.Url) with { RequestTimeout = 60 });
        await Eventually.HoldsAsync(() => Task.FromResult(target.Accepted), accepted => accepted >= 1, "a probe hanging on the silent target");

        var edit = System.Diagnostics.Stopwatch.StartNew();
        var edited = await grain.UpdateAsync(WorkspaceAccess.OwnerOf(workspace), HttpConfig(target.Url) with { Name = "Edited while probing", RequestTimeout = 60 });
        var editTook = edit.Elapsed;
        var deleted = await grain.DeleteAsync(WorkspaceAccess.OwnerOf(workspace));

        Assert.Equal("Edited while probing", edited.Monitor!.Config.Name);
        Assert.True(editTook < TimeSpan.FromSeconds(5), $"the edit waited {editTook} behind a probe");
        Assert.True(deleted);
    }
}
