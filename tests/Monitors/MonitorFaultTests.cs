using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Monitors;
using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>
/// The monitor grain when the database fails under it: writes refused by injected faults (triggers), rows held by
/// locks, a silo lost between an incident write and the state write. Probing never stops, nothing doubles, and a
/// deleted monitor stays deleted.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class MonitorFaultTests(FaultClusterFixture fixture)
{
    private MonitoringCluster Cluster => fixture.Monitoring;

    private static MonitorConfig HttpConfig(string name, string url, int interval = 20) =>
        TestMonitors.Http(name, url) with { ValidStatusCodes = ["200-299"], Interval = interval };

    private async Task<(IMonitorGrain Grain, Guid Workspace, Guid Id)> CreateAsync(MonitorConfig config)
    {
        var id = Guid.NewGuid();
        var workspace = Guid.NewGuid();
        var grain = Cluster.Client.GetGrain<IMonitorGrain>(id);
        Assert.NotNull((await grain.CreateAsync(WorkspaceAccess.OwnerOf(workspace), "owner@example.test", config)).Monitor);
        return (grain, workspace, id);
    }

    private Task<long> IncidentsAsync(Guid id, string condition = "true") =>
        fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM om_incidents WHERE monitor_id = $1 AND {condition}", id);

    [Fact]
    public async Task ProbingGoesOnWhileIncidentWritesFailAndTheOwedIncidentIsWrittenLater()
    {
        await using var target = LocalHttpTarget.Start();
        var (grain, workspace, id) = await CreateAsync(HttpConfig("Owed incident", target.Url));
        await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.Heartbeats.Count >= 1, "a first heartbeat");

        DateTimeOffset downAt;
        await using (await fixture.RefuseAsync("om_incidents", "INSERT"))
        {
            target.StatusCode = 500;
            var down = await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.IsDown, "the monitor to go down although its incident cannot be written");
            downAt = down!.Heartbeats[0].Date;
            Assert.Null(down.OpenIncidentId);

            // Before the fix the timer was never armed again after a failed incident write: probing stopped for good.
            var requests = target.Requests;
            await Eventually.HoldsAsync(() => Task.FromResult(target.Requests), r => r >= requests + 3, "probing to go on after the failed incident write");
            Assert.Equal(0, await IncidentsAsync(id));
        }

        var written = await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.OpenIncidentId is not null, "the owed incident to be written once the table takes it");
        Assert.Equal(1, await IncidentsAsync(id, "resolved_at IS NULL"));
        var startedAt = await fixture.Database.ScalarAsync<DateTime>("SELECT started_at FROM om_incidents WHERE monitor_id = $1", id);
        Assert.Equal(downAt.UtcDateTime, startedAt, TimeSpan.FromMilliseconds(1)); // the time it went down, not the time the write got through

        target.StatusCode = 200;
        await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => !m!.IsDown && m.OpenIncidentId is null, "recovery");
        Assert.Equal(1, await IncidentsAsync(id));
        Assert.Equal(0, await IncidentsAsync(id, "resolved_at IS NULL"));
        Assert.True(written!.IsDown);
    }

    [Fact]
    public async Task IncidentOpensBeyondTheSilosTurnsAreOwedNotQueuedAndEachOutageStillGetsOneIncident()
    {
        await using var target = LocalHttpTarget.Start();
        var monitors = new List<(IMonitorGrain Grain, Guid Workspace, Guid Id)>();
        for (var i = 0; i < IncidentLog.Concurrency + 8; i++)
        {
            monitors.Add(await CreateAsync(HttpConfig($"Mass outage {i}", target.Url)));
        }

        foreach (var (grain, workspace, _) in monitors)
        {
            await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.Heartbeats.Count >= 1, "a first heartbeat");
        }

        // Every incident insert takes longer than a turn may be waited for: the monitors past the silo's turns give up
        // waiting, owe the write and go on probing.
        var faults = Cluster.SiloService<MonitorFaults>();
        var failuresBefore = faults.RecordFailures;
        await using (await fixture.SlowDownAsync("om_incidents", "INSERT", IncidentLog.TurnWait + TimeSpan.FromSeconds(2)))
        {
            target.StatusCode = 500;
            await Eventually.HoldsAsync(
                () => Task.FromResult(faults.RecordFailures),
                n => n > failuresBefore,
                "monitors past the turns to give up waiting",
                TimeSpan.FromSeconds(30));
            var requests = target.Requests;
            await Eventually.HoldsAsync(() => Task.FromResult(target.Requests), r => r >= requests + monitors.Count, "probing to go on meanwhile");
        }

        foreach (var (grain, workspace, id) in monitors)
        {
            await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.IsDown && m.OpenIncidentId is not null, "each outage's incident written", TimeSpan.FromSeconds(60));
            Assert.Equal(1, await IncidentsAsync(id));
        }

        target.StatusCode = 200;
        foreach (var (grain, workspace, id) in monitors)
        {
            await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => !m!.IsDown && m.OpenIncidentId is null, "recovery", TimeSpan.FromSeconds(60));
            Assert.Equal(1, await IncidentsAsync(id));
            Assert.Equal(0, await IncidentsAsync(id, "resolved_at IS NULL"));
        }
    }

    [Fact]
    public async Task AnIncidentWrittenJustBeforeALostStateWriteIsAdoptedAfterTheRestartAndResolvedByTheNextSuccess()
    {
        await using var target = LocalHttpTarget.Start();
        const string name = "Crash between writes";
        var (grain, workspace, id) = await CreateAsync(HttpConfig(name, target.Url));
        await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.Heartbeats.Count >= 1, "a first heartbeat");

        // The state write that would record "down" is refused, as if the silo died right after the incident insert.
        await using (await fixture.RefuseAsync(
            "orleans_storage", "INSERT OR UPDATE", $"""convert_from(NEW.payload_binary, 'UTF8') LIKE '%{name}%' AND convert_from(NEW.payload_binary, 'UTF8') LIKE '%"IsDown":true%'"""))
        {
            target.StatusCode = 500;
            await Eventually.HoldsAsync(() => IncidentsAsync(id, "resolved_at IS NULL"), n => n == 1, "the incident row to be written");
            await Eventually.HoldsAsync(
                () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_storage WHERE convert_from(payload_binary, 'UTF8') LIKE '%' || $1 || '%' AND convert_from(payload_binary, 'UTF8') LIKE '%\"IsDown\":false%'", name),
                n => n == 1,
                "the stored state to still say up");

            // The silo is lost: a new one takes over and re-activates the monitor from what is stored.
            await Cluster.Cluster.StartAdditionalSiloAsync();
            await Cluster.Cluster.KillSiloAsync(Cluster.Cluster.Silos[0]);
        }

        target.StatusCode = 200;
        await Eventually.HoldsAsync(() => IncidentsAsync(id, "resolved_at IS NOT NULL"), n => n == 1, "the adopted incident to be resolved by the next success", TimeSpan.FromSeconds(40));
        Assert.Equal(1, await IncidentsAsync(id));
        var monitor = await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m is { IsDown: false, OpenIncidentId: null }, "the monitor to be up");
        Assert.False(monitor!.IsDown);
    }

    [Fact]
    public async Task ABeatArrivingWhileTheMissedDeadlineIncidentIsBeingOpenedLeavesTheDeviceUpWithTheIncidentResolved()
    {
        var id = Guid.NewGuid();
        var workspace = Guid.NewGuid();
        var grain = Cluster.Client.GetGrain<IMonitorGrain>(id);
        // interval 20 s + grace 0, scaled 20x: the deadline passes 1 s after the last beat.
        var created = await grain.CreateAsync(WorkspaceAccess.OwnerOf(workspace), "owner@example.test", new MonitorConfig
        {
            Name = "Push race",
            Url = "",
            Type = MonitorType.Heartbeat,
            Interval = 20,
            RetryInterval = 20,
            RequestTimeout = 5,
            Heartbeat = new HeartbeatCheck(20, 0, ""),
        });
        var token = created.Monitor!.Config.Heartbeat!.Token;
        Assert.True(await grain.RecordBeatAsync(token));

        // The incident insert of the missed deadline (this monitor's only: the trigger names it) takes 2 s; the beat
        // arrives meanwhile.
        await using (await fixture.SlowDownAsync("om_incidents", "INSERT", TimeSpan.FromSeconds(2), $"NEW.monitor_id = '{id}'"))
        {
            await Eventually.HoldsAsync(
                () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE '%INSERT INTO om_incidents%'"),
                n => n >= 1,
                "the missed-deadline incident insert to be under way");
            Assert.True(await grain.RecordBeatAsync(token));
        }

        var monitor = await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => !m!.IsDown, "the device to be up after the beat");
        Assert.Null(monitor!.OpenIncidentId);
        Assert.Equal("ALIVE", monitor.Heartbeats[0].Status);
        Assert.Equal(1, await IncidentsAsync(id));
        Assert.Equal(0, await IncidentsAsync(id, "resolved_at IS NULL"));
    }

    [Fact]
    public async Task ADeleteLandingWhileAnIncidentIsBeingWrittenLeavesTheMonitorGoneForGood()
    {
        await using var target = LocalHttpTarget.Start();
        var (grain, workspace, id) = await CreateAsync(HttpConfig("Deleted while down", target.Url));
        await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.Heartbeats.Count >= 1, "a first heartbeat");

        // The incident insert takes 2 s; the delete lands meanwhile.
        await using (await fixture.SlowDownAsync("om_incidents", "INSERT", TimeSpan.FromSeconds(2), $"NEW.monitor_id = '{id}'"))
        {
            target.StatusCode = 500;
            await Eventually.HoldsAsync(
                () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE '%INSERT INTO om_incidents%'"),
                n => n >= 1,
                "the incident insert to be under way");
            Assert.True(await grain.DeleteAsync(WorkspaceAccess.OwnerOf(workspace)));
        }

        await AssertGoneForGoodAsync(grain, workspace, id, target, "Deleted while down");
    }

    [Fact]
    public async Task ADeleteLandingWhileAProbeIsInFlightLeavesTheMonitorGoneForGood()
    {
        await using var target = LocalHttpTarget.Start();
        var (grain, workspace, id) = await CreateAsync(HttpConfig("Deleted in flight", target.Url));
        await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.Heartbeats.Count >= 1, "a first heartbeat");

        target.Delay = TimeSpan.FromSeconds(2);
        var requests = target.Requests;
        await Eventually.HoldsAsync(() => Task.FromResult(target.Requests), r => r > requests, "a probe to be in flight (its answer delayed 2 s)");
        Assert.True(await grain.DeleteAsync(WorkspaceAccess.OwnerOf(workspace)));

        await AssertGoneForGoodAsync(grain, workspace, id, target, "Deleted in flight");
    }

    private async Task AssertGoneForGoodAsync(IMonitorGrain grain, Guid workspace, Guid id, LocalHttpTarget target, string name)
    {
        var requestsAtDelete = target.Requests;
        Assert.Null(await grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)));

        // Three intervals and the delayed answer later: nothing probes, nothing came back.
        await Task.Delay(TimeSpan.FromSeconds(4));
        foreach (var silo in Enumerable.Range(0, Cluster.Cluster.Silos.Count))
        {
            Assert.True(await Cluster.SiloService<HeartbeatWriter>(silo).FlushAsync(TimeSpan.FromSeconds(10)));
        }

        Assert.Null(await grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)));
        Assert.InRange(target.Requests, requestsAtDelete, requestsAtDelete + 1);
        Assert.Equal(0, await IncidentsAsync(id));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = $1", id));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM om_rollups_5m WHERE monitor_id = $1", id));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM om_monitors WHERE monitor_id = $1", id));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE '%' || $1 || '%'", id.ToString("N")));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_storage WHERE payload_binary IS NOT NULL AND convert_from(payload_binary, 'UTF8') LIKE '%' || $1 || '%'", name));
    }

    [Fact]
    public async Task ACreateThatFailsHalfWayLeavesNothingCountedOrListed()
    {
        var user = await fixture.NewUserAsync();
        var before = await fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(user.UserId).PlanStatusAsync();

        HttpResponseMessage refused;
        await using (await fixture.RefuseAsync("orleans_reminders", "INSERT"))
        {
            refused = await user.Session.PostAsJsonAsync("/api/monitor/add", new
            {
                name = "Half created",
                url = "http://127.0.0.1:9/",
                type = "http",
                interval = 20,
                retryInterval = 20,
                requestTimeout = 5,
            });
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var after = await fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(user.UserId).PlanStatusAsync();
        Assert.Equal(before.Devices, after.Devices);
        var projects = await user.Session.GetFromJsonAsync<JsonObject>("/api/projects");
        Assert.DoesNotContain("Half created", projects!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM om_monitors WHERE name = 'Half created'"));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_storage WHERE payload_binary IS NOT NULL AND convert_from(payload_binary, 'UTF8') LIKE '%Half created%'"));

        // The same create goes through once the fault is gone.
        var retried = await user.Session.PostAsJsonAsync("/api/monitor/add", new { name = "Half created", url = "http://127.0.0.1:9/", type = "http", interval = 20, retryInterval = 20, requestTimeout = 5 });
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(before.Devices + 1, (await fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(user.UserId).PlanStatusAsync()).Devices);
    }

    [Fact]
    public async Task ARetriedCreateWhoseFailedFirstAttemptCouldNotBeUndoneFinishesTheUndoAndCreatesOnce()
    {
        var (id, workspace) = (Guid.NewGuid(), Guid.NewGuid());
        var caller = WorkspaceAccess.OwnerOf(workspace);
        var grain = Cluster.Client.GetGrain<IMonitorGrain>(id);
        var config = HttpConfig("Undo failed", "http://127.0.0.1:9/");
        Task<long> IndexRowsAsync() => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM om_monitors WHERE monitor_id = $1", id);

        // The create fails at its reminder, and its undo fails at the index row: the "creating" state and the row stay behind.
        await using (await fixture.RefuseAsync("orleans_reminders", "INSERT"))
        await using (await fixture.RefuseAsync("om_monitors", "DELETE", $"OLD.monitor_id = '{id}'"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.CreateAsync(caller, "owner@example.test", config));
        }

        Assert.Equal(1, await IndexRowsAsync());

        // The client's retry of the same create (same id) finishes the undo and creates the monitor once.
        var retried = await grain.CreateAsync(caller, "owner@example.test", config);
        Assert.NotNull(retried.Monitor);
        Assert.Equal("Undo failed", retried.Monitor.Config.Name);
        Assert.Equal(1, await IndexRowsAsync());
        Assert.Equal(1, (await Cluster.Client.GetGrain<IWorkspaceGrain>(workspace).PlanStatusAsync()).Devices);
        Assert.NotNull(await grain.GetAsync(caller));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE '%' || $1 || '%'", id.ToString("N")));

        // A replay after success is still the idempotent answer, not a second monitor.
        Assert.Equal(id, (await grain.CreateAsync(caller, "owner@example.test", config)).Monitor!.MonitorId);
        Assert.Equal(1, (await Cluster.Client.GetGrain<IWorkspaceGrain>(workspace).PlanStatusAsync()).Devices);
    }
}
