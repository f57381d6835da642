using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>
/// PostgreSQL stopped for 30 s while monitors go down and come back, on a cluster and server of its own: probing never
/// pauses, the buffer holds every heartbeat, each outage ends up as exactly one resolved incident.
/// </summary>
public sealed class MonitorDatabaseOutageTests : IAsyncLifetime
{
    private const int PerGroup = 5;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    private PostgresServer _server = null!;
    private MonitoringCluster _cluster = null!;
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        _cluster = new MonitoringCluster(_server.ConnectionString());
        await _cluster.InitializeAsync();
        _api = new ApiFactory(_cluster.Client);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _cluster.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<IReadOnlyList<(IMonitorGrain Grain, Guid Id)>> CreateGroupAsync(Guid workspace, string name, string url)
    {
        var monitors = new List<(IMonitorGrain, Guid)>();
        for (var i = 0; i < PerGroup; i++)
        {
            var id = Guid.NewGuid();
            var grain = _cluster.Client.GetGrain<IMonitorGrain>(id);
            var created = await grain.CreateAsync(WorkspaceAccess.OwnerOf(workspace), "owner@example.test", TestMonitors.Http($"{name} {i}", url));
            Assert.NotNull(created.Monitor);
            monitors.Add((grain, id));
        }

        return monitors;
    }

    private static Task AllAsync(IEnumerable<(IMonitorGrain Grain, Guid Id)> monitors, Guid workspace, Func<MonitorSnapshot, bool> condition, string what) =>
        Task.WhenAll(monitors.Select(m => Eventually.HoldsAsync(() => m.Grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), s => s is not null && condition(s), what, TimeSpan.FromSeconds(20))));

    [Fact]
    public async Task ProbingGoesOnThroughA30SecondOutageAndEveryHeartbeatAndIncidentLandsOnceAfterIt()
    {
        await using var flaky = LocalHttpTarget.Start();  // down and back while the database is away
        await using var late = LocalHttpTarget.Start();   // down while it is away, back after it returns
        await using var steady = LocalHttpTarget.Start(); // never down
        var workspace = Guid.NewGuid();
        var a = await CreateGroupAsync(workspace, "Flaky", flaky.Url);
        var b = await CreateGroupAsync(workspace, "Late", late.Url);
        var c = await CreateGroupAsync(workspace, "Steady", steady.Url);
        var all = a.Concat(b).Concat(c).ToArray();
        await AllAsync(all, workspace, m => m.Heartbeats.Count >= 1 && !m.IsDown, "every monitor to be up");
        var writer = _cluster.SiloService<HeartbeatWriter>();
        Assert.True(await writer.FlushAsync(TimeSpan.FromSeconds(10)));

        await _server.StopAsync();
        var stoppedAt = DateTime.UtcNow;
        await flaky.StopAsync();
        await late.StopAsync();
        await AllAsync(a.Concat(b), workspace, m => m.IsDown, "the flaky and late monitors to go down while the database is away");

        var health = await _api.CreateClient().GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var buffer = (await health.Content.ReadFromJsonAsync<JsonObject>())!["heartbeatBuffer"]!;
        Assert.True(buffer["pending"]!.GetValue<long>() > 0, $"the buffer holds the heartbeats: {buffer}");
        Assert.Equal("failing", buffer["writing"]!.GetValue<string>());

        flaky.Resume();
        await AllAsync(a, workspace, m => !m.IsDown, "the flaky monitors to come back while the database is still away");
        var away = Outage - (DateTime.UtcNow - stoppedAt);
        if (away > TimeSpan.Zero)
        {
            await Task.Delay(away);
        }

        var probedDuringOutage = all.Select(m => m.Grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)));
        Assert.All(await Task.WhenAll(probedDuringOutage), m => Assert.True(m!.LastCheck > stoppedAt.AddSeconds(25), "probing went on while the database was away"));

        await _server.StartAgainAsync();
        var returnedAt = DateTimeOffset.UtcNow;
        _cluster.Database.DataSource.Clear(); // the test's own pooled connections died with the server
        late.Resume();

        // Within one interval (1 s here, with slack for a loaded machine) of the return every monitor has probed again.
        await AllAsync(all, workspace, m => m.LastCheck > returnedAt, "every monitor to probe again after the database returned");
        await AllAsync(all, workspace, m => !m.IsDown && m.NextCheck > DateTimeOffset.UtcNow.AddSeconds(-2), "every monitor to be up with its next probe planned");
        Assert.True(await writer.FlushAsync(TimeSpan.FromSeconds(30)), "the buffer drained once the database returned");

        var stats = writer.Stats;
        Assert.Equal(0, stats.Dropped);
        Assert.Equal(0, stats.Rejected);
        var stored = await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats");
        Assert.True(stored >= stats.Accepted - stats.Pending, $"every accepted heartbeat is in the table ({stored} stored, {stats.Accepted} accepted, {stats.Pending} pending)");
        // Both counted in one snapshot: the monitors keep probing, and the writer adds rows and roll-ups together meanwhile.
        Assert.Equal(0, await _cluster.Database.ScalarAsync<long>("SELECT (SELECT count(*) FROM om_heartbeats) - (SELECT coalesce(sum(checks), 0)::bigint FROM om_rollups_5m)"));

        foreach (var (_, id) in a.Concat(b))
        {
            Assert.Equal(1, await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1", id));
            await Eventually.HoldsAsync(
                () => _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1 AND resolved_at IS NOT NULL AND resolved_at > started_at", id),
                n => n == 1,
                "each outage's incident to be resolved");
        }

        foreach (var (_, id) in c)
        {
            Assert.Equal(0, await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1", id));
        }

        // The flaky monitors' incidents began and ended while the database was away: their times are the probes', not the write's.
        foreach (var (_, id) in a)
        {
            var resolvedAt = await _cluster.Database.ScalarAsync<DateTime>("SELECT resolved_at FROM om_incidents WHERE monitor_id = $1", id);
            Assert.True(resolvedAt < returnedAt.UtcDateTime, $"resolved at {resolvedAt:O}, before the database returned at {returnedAt:O}");
        }
    }
}
