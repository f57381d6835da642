using System.Text.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// Reminders and flapping from the monitor to the receiver through the real silo: a monitor driven down and up quickly
/// against a loopback target reaches the receiver as one flapping alert (not a storm) and, once stable, one stable
/// alert; an open incident reaches it again as a "still down" reminder, and after the acknowledgement never again.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReminderAndFlappingAlertingTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Delivered = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AMonitorGoingDownAndUpQuicklyAlertsOnceThatItIsFlappingAndOnceThatItIsStable()
    {
        await using var receiver = await LocalHttpTarget.StartAsync();
        await using var target = await LocalHttpTarget.StartAsync();
        var (owner, project) = await ProjectAsync(ProjectAlertSettings.None with
        {
            Escalation = [new EscalationStep(0, ChannelKind.Webhook, receiver.UrlOf("/hook"), null, false)],
            Flapping = new FlappingRule(2, 10, 1), // the third change within 10 minutes flaps
        });
        var monitorId = Guid.NewGuid();
        var monitor = fixture.Monitoring.Client.GetGrain<IMonitorGrain>(monitorId);
        Assert.NotNull((await monitor.CreateAsync(owner, "owner@example.test", TestMonitors.Http("Flappy", target.Url), project)).Monitor);

        // Five outages, each seen by the monitor's probes (every second in the test cluster): ten state changes.
        for (var outage = 1; outage <= 5; outage++)
        {
            target.StatusCode = 503;
            await Eventually.HoldsAsync(() => OpenIncidentsAsync(monitorId), n => n == 1, $"outage {outage} to open an incident", Delivered);
            target.StatusCode = 200;
            await Eventually.HoldsAsync(() => OpenIncidentsAsync(monitorId), n => n == 0, $"outage {outage} to resolve", Delivered);
        }

        await Eventually.HoldsAsync(
            () => fixture.Monitoring.Database.ScalarAsync<long>(
                "SELECT count(*) FROM om_incidents WHERE monitor_id = $1 AND opening_alerts_planned AND resolution_alerts_planned", monitorId),
            n => n == 5,
            "every opening and resolution to be planned",
            Delivered);
        var flapping = await Eventually.HoldsAsync(() => Task.FromResult(Events(receiver, "flapping")), e => e.Count >= 1, "the flapping alert", Delivered);
        var firstIncident = await fixture.Monitoring.Database.ScalarAsync<long>("SELECT min(id) FROM om_incidents WHERE monitor_id = $1", monitorId);
        var episode = Assert.Single(flapping).GetProperty("incident_id").GetInt64();
        Assert.Equal(firstIncident + 1, episode); // the second outage is the third change
        Assert.Equal("Flappy is flapping", Assert.Single(flapping).GetProperty("title").GetString());

        // Only the first outage escalated (its opening, and its resolution once the opening got through).
        Assert.All(Events(receiver, "opened"), e => Assert.Equal(firstIncident, e.GetProperty("incident_id").GetInt64()));
        Assert.InRange(Events(receiver, "opened").Count, 0, 1);
        Assert.InRange(Events(receiver, "resolved").Count, 0, 1);

        // Stable for the rule's minute: moved into the past instead of waited for.
        await fixture.Monitoring.Database.ExecuteAsync(
            "UPDATE om_incidents SET started_at = started_at - interval '2 minutes', resolved_at = resolved_at - interval '2 minutes' WHERE monitor_id = $1", monitorId);
        await fixture.Monitoring.Database.ExecuteAsync(
            "UPDATE om_flapping SET started_at = started_at - interval '2 minutes', last_change_at = last_change_at - interval '2 minutes', stable_at = stable_at - interval '2 minutes' WHERE monitor_id = $1",
            monitorId);
        var stable = await Eventually.HoldsAsync(() => Task.FromResult(Events(receiver, "stable")), e => e.Count >= 1, "the stable alert", Delivered);
        Assert.Equal(episode, Assert.Single(stable).GetProperty("incident_id").GetInt64());
        Assert.Equal("Flappy stopped flapping and is up", stable[0].GetProperty("title").GetString());
        Assert.True(await fixture.Monitoring.Database.ScalarAsync<bool>("SELECT ended_at IS NOT NULL FROM om_flapping WHERE id = $1", episode));

        Assert.True(await monitor.DeleteAsync(owner));
        Assert.Single(Events(receiver, "flapping"));
        Assert.Single(Events(receiver, "stable"));
    }

    [Fact]
    public async Task AnOpenIncidentIsRemindedOfUntilItIsAcknowledged()
    {
        await using var receiver = await LocalHttpTarget.StartAsync();
        await using var target = await LocalHttpTarget.StartAsync();
        var (owner, project) = await ProjectAsync(ProjectAlertSettings.None with
        {
            Escalation = [new EscalationStep(0, ChannelKind.Webhook, receiver.UrlOf("/hook"), null, false)],
            StillDownEveryMinutes = 5,
        });
        var monitorId = Guid.NewGuid();
        var monitor = fixture.Monitoring.Client.GetGrain<IMonitorGrain>(monitorId);
        Assert.NotNull((await monitor.CreateAsync(owner, "owner@example.test", TestMonitors.Http("Billing", target.Url) with { Interval = 600 }, project)).Monitor);

        // After the monitor's first result (which would adopt an open incident it does not know of, and resolve it as up).
        await Eventually.HoldsAsync(
            () => fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = $1", monitorId),
            n => n > 0,
            "the monitor's first result",
            Delivered);

        // Started 4 min 55 s ago: the first reminder is due 5 seconds from now.
        var incident = await fixture.Monitoring.Database.ScalarAsync<long>(
            "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause) VALUES ($1, $2, now() - interval '295 seconds', 'HTTP 502') RETURNING id",
            monitorId, owner.WorkspaceId);
        await Eventually.HoldsAsync(() => Task.FromResult(Events(receiver, "opened")), e => e.Count == 1, "the opening", Delivered);
        var reminder = await Eventually.HoldsAsync(() => Task.FromResult(Events(receiver, "still_down")), e => e.Count >= 1, "the first reminder", Delivered);
        Assert.Equal(incident, Assert.Single(reminder).GetProperty("incident_id").GetInt64());
        Assert.Equal("Billing is still down", reminder[0].GetProperty("title").GetString());
        Assert.Equal(300, reminder[0].GetProperty("duration_seconds").GetInt64());

        var acknowledged = await fixture.Monitoring.Client.GetGrain<IAlertsGrain>(owner.WorkspaceId).AcknowledgeAsync(owner, incident);
        Assert.True(acknowledged.Found);
        await fixture.Monitoring.Database.ExecuteAsync("UPDATE om_incidents SET started_at = started_at - interval '5 minutes', next_reminder_at = next_reminder_at - interval '5 minutes' WHERE id = $1", incident); // reminder 2 is due
        await Eventually.HoldsAsync(
            () => fixture.Monitoring.Database.ScalarAsync<bool>("SELECT next_reminder_at IS NULL FROM om_incidents WHERE id = $1", incident),
            cleared => cleared,
            "the acknowledged incident's reminders to be stopped",
            Delivered);
        Assert.Equal(1, await fixture.Monitoring.Database.ScalarAsync<long>(
            "SELECT count(*) FROM om_alert_deliveries WHERE incident_id = $1 AND (event->>'Kind')::int = 2", incident));
        Assert.Single(Events(receiver, "still_down"));
        Assert.True(await monitor.DeleteAsync(owner));
    }

    private async Task<(WorkspaceAccess Owner, Guid Project)> ProjectAsync(ProjectAlertSettings settings)
    {
        var workspaceId = Guid.NewGuid();
        var owner = WorkspaceAccess.OwnerOf(workspaceId);
        var workspace = fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(workspaceId);
        var project = (await workspace.CreateProjectAsync(owner, "Alerted", null)).Project!.Id;
        Assert.NotNull((await workspace.SetAlertSettingsAsync(owner, project, settings)).Settings);
        return (owner, project);
    }

    private Task<long> OpenIncidentsAsync(Guid monitorId) =>
        fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1 AND resolved_at IS NULL", monitorId);

    /// <summary>The generic webhook bodies the receiver got for <paramref name="kind"/> ("opened", "flapping", ...), in order.</summary>
    private static List<JsonElement> Events(LocalHttpTarget receiver, string kind) =>
    [
        .. receiver.Received
            .Where(r => r.Path == "/hook")
            .Select(r => JsonDocument.Parse(r.Body).RootElement.Clone())
            .Where(e => e.GetProperty("event").GetString() == kind),
    ];
}
