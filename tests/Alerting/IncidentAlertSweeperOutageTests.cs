using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// PostgreSQL stopped under the alert sweeper, on a cluster and server of its own: the sweeper keeps running through
/// its failures, an incident written after the database returns reaches its receiver exactly once (with its signed
/// acknowledge link), and an acknowledgement followed at once by a second outage is told to the receiver exactly once.
/// </summary>
public sealed class IncidentAlertSweeperOutageTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private MonitoringCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        _cluster = new MonitoringCluster(_server.ConnectionString(), new Dictionary<string, string?> { ["Alerting:PublicUrl"] = "https://monitor.example.test" });
        await _cluster.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TheSweeperOutlivesADatabaseOutageAndAnIncidentAfterItIsDeliveredOnce()
    {
        await using var receiver = await LocalHttpTarget.StartAsync();
        var workspaceId = Guid.NewGuid();
        var owner = WorkspaceAccess.OwnerOf(workspaceId);
        var workspace = _cluster.Client.GetGrain<IWorkspaceGrain>(workspaceId);
        var project = (await workspace.CreateProjectAsync(owner, "Alerted", null)).Project!.Id;
        var saved = await workspace.SetAlertSettingsAsync(owner, project, ProjectAlertSettings.None with
        {
            Escalation = [new EscalationStep(0, ChannelKind.Webhook, receiver.UrlOf("/hook"), null, false)],
        });
        Assert.NotNull(saved.Settings);
        var monitorId = Guid.NewGuid();
        var created = await _cluster.Client.GetGrain<IMonitorGrain>(monitorId).CreateAsync(owner, "owner@example.test", TestMonitors.Http("Alerted", receiver.Url) with { Interval = 600 }, project);
        Assert.NotNull(created.Monitor);

        var sweeper = _cluster.SiloService<IncidentAlertSweeper>();
        var failures = sweeper.Failures;
        await _server.StopAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(sweeper.Failures), n => n > failures, "the sweeper to meet the outage", TimeSpan.FromSeconds(30));
        await _server.StartAgainAsync();

        var incident = await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    return await _cluster.Database.ScalarAsync<long>(
                        "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause) VALUES ($1, $2, now(), 'Connection refused') RETURNING id", monitorId, workspaceId);
                }
                catch (Npgsql.NpgsqlException)
                {
                    return 0L; // the pool still holds connections from before the restart
                }
            },
            id => id > 0,
            "the incident to be written once the database is back",
            TimeSpan.FromSeconds(30));

        await Eventually.HoldsAsync(
            () => _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE incident_id = $1 AND status = 2", incident),
            n => n == 1,
            "the opening to be delivered after the outage",
            TimeSpan.FromSeconds(60));
        Assert.Equal(1, receiver.Received.Count(r => r.Path == "/hook"));
        Assert.True(await _cluster.Database.ScalarAsync<bool>("SELECT opening_alerts_planned FROM om_incidents WHERE id = $1", incident));
        Assert.Equal(1, await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE incident_id = $1", incident));
        Assert.Contains("\"acknowledge_url\":\"https://monitor.example.test/ack/", Assert.Single(receiver.Received, r => r.Path == "/hook").Body, StringComparison.Ordinal);

        // Acknowledged, and the database goes away again at once (whether before or after the sweeper planned it).
        Assert.True((await _cluster.Client.GetGrain<IAlertsGrain>(workspaceId).AcknowledgeAsync(owner, incident)).Found);
        failures = sweeper.Failures;
        await _server.StopAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(sweeper.Failures), n => n > failures, "the sweeper to meet the second outage", TimeSpan.FromSeconds(30));
        await _server.StartAgainAsync();

        await Eventually.HoldsAsync(
            () => Task.FromResult(receiver.Received.Count(r => r.Path == "/hook" && r.Body.Contains("\"event\":\"acknowledged\"", StringComparison.Ordinal))),
            n => n == 1,
            "the acknowledgement to reach the receiver after the outage",
            TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(
            () => _cluster.Database.ScalarAsync<bool>("SELECT acknowledgement_alerts_planned FROM om_incidents WHERE id = $1", incident),
            planned => planned, "the acknowledgement to be marked told", TimeSpan.FromSeconds(30));
        Assert.Equal(2, receiver.Received.Count(r => r.Path == "/hook")); // the opening and the acknowledgement, each once
        Assert.Equal(2, await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE incident_id = $1", incident));
    }
}
