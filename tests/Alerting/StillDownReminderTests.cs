using Npgsql;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Tests.Alerting.Outbox;
using static OrleansMonitor.Tests.Alerting.SweeperKit;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// "Still down" reminders planned by the real sweeper over a real PostgreSQL, on a fake clock: every interval after the
/// start while the incident is open and unacknowledged, to everyone who was sent the opening by then, once per number
/// however often it is swept; none after the resolution or acknowledgement, paused in maintenance, held by quiet hours.
/// </summary>
public sealed class StillDownReminderTests
{
    [Fact]
    public async Task RemindersComeEveryIntervalToEveryoneToldOfTheOpeningUntilTheIncidentResolves()
    {
        await using var kit = await StartAsync("reminders_cadence", TwoSteps(stillDownEveryMinutes: 15));
        var incident = await kit.DownAsync();
        await kit.SweepAsync();
        await kit.DeliverDueAsync(); // the webhook step; Slack waits 30 minutes

        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(14));
        Assert.Empty(await kit.DeliveriesAsync(AlertEventKind.StillDown));

        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(1));
        await kit.SweepAsync(); // swept again: recorded once
        await kit.Sweeper.SweepAsync();
        var first = Assert.Single(await kit.DeliveriesAsync(AlertEventKind.StillDown));
        Assert.Equal((Hook, Start.AddMinutes(15), incident), (first.Destination, first.NotBefore, first.IncidentId));
        Assert.StartsWith($"incident:{incident}:still_down:1:webhook:", first.Key, StringComparison.Ordinal);
        Assert.Equal("API is still down", first.Title);
        await kit.DeliverDueAsync();

        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(15)); // 30 min: the Slack step is due, not sent yet
        await kit.DeliverDueAsync();
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(15)); // 45 min: Slack was told too
        await kit.DeliverDueAsync();
        var reminders = await kit.DeliveriesAsync(AlertEventKind.StillDown);
        Assert.Equal(
            [(1, Hook), (2, Hook), (3, Hook), (3, Slack)],
            reminders.Select(r => ((int)((r.NotBefore - Start).TotalMinutes / 15), r.Destination)).Order());

        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(5));
        await kit.UpAsync();
        await kit.SweepAsync();
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(30));
        Assert.Equal(4, (await kit.DeliveriesAsync(AlertEventKind.StillDown)).Count);
        Assert.Equal([Slack, Hook], (await kit.DeliveriesAsync(AlertEventKind.Resolved)).Select(d => d.Destination).Order().Reverse());
        Assert.True(await kit.Database.ScalarAsync<bool>("SELECT next_reminder_at IS NULL FROM om_incidents WHERE id = $1", incident));
    }

    [Fact]
    public async Task AfterAnOutageOnlyTheLatestReminderIsPlannedNotABurst()
    {
        await using var kit = await StartAsync("reminders_outage", TwoSteps(stillDownEveryMinutes: 15));
        var incident = await kit.DownAsync();
        await kit.SweepAsync();
        await kit.DeliverDueAsync();

        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(50)); // reminders 1-3 came due while nobody swept
        var reminder = Assert.Single(await kit.DeliveriesAsync(AlertEventKind.StillDown));
        Assert.StartsWith($"incident:{incident}:still_down:3:", reminder.Key, StringComparison.Ordinal);
        Assert.Equal(Start.AddMinutes(45), reminder.NotBefore);
        Assert.Equal(Start.AddMinutes(60).UtcDateTime, await kit.Database.ScalarAsync<DateTime>("SELECT next_reminder_at FROM om_incidents WHERE id = $1", incident));
        Assert.Equal(3, await kit.Database.ScalarAsync<int>("SELECT reminders_planned FROM om_incidents WHERE id = $1", incident));
    }

    [Fact]
    public async Task AcknowledgementCancelsTheReminderWaitingAndNoLaterOneIsPlanned()
    {
        await using var kit = await StartAsync("reminders_ack", TwoSteps(stillDownEveryMinutes: 15) with
        {
            QuietHours = new QuietHours(new TimeOnly(12, 10), new TimeOnly(12, 20), QuietHoursMode.Silent),
        });
        var incident = await kit.DownAsync();
        await kit.SweepAsync();
        await kit.DeliverDueAsync();
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(15)); // held by the quiet hours until 12:20
        var held = Assert.Single(await kit.DeliveriesAsync(AlertEventKind.StillDown));
        Assert.Equal(Start.AddMinutes(20), held.NotBefore);

        // What AlertsGrain does: store the acknowledgement, then cancel what is pending.
        await kit.AcknowledgeAsync(incident);
        await OutboxKit.NewOutbox(kit.Database.DataSource, kit.Clock).CancelPendingForIncidentAsync(kit.WorkspaceId, incident);
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(20));
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(30));

        var reminders = await kit.DeliveriesAsync(AlertEventKind.StillDown);
        Assert.Equal(DeliveryStatus.Cancelled, Assert.Single(reminders).Status);
        Assert.True(await kit.Database.ScalarAsync<bool>("SELECT next_reminder_at IS NULL FROM om_incidents WHERE id = $1", incident));
    }

    [Fact]
    public async Task AReminderRecordedWhileAnAcknowledgementIsBeingWrittenWaitsForItAndIsNotRecorded()
    {
        await using var kit = await StartAsync("reminders_race", TwoSteps(stillDownEveryMinutes: 15));
        var incident = await kit.DownAsync();
        var outbox = OutboxKit.NewOutbox(kit.Database.DataSource, kit.Clock);
        var reminder = OutboxKit.Delivery(kit.WorkspaceId, Hook, Start, $"incident:{incident}:still_down:1:test", incident, AlertEventKind.StillDown);

        // The acknowledgement's row update is in flight (not committed) when the reminder is recorded.
        await using var connection = await kit.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var acknowledge = new NpgsqlCommand("UPDATE om_incidents SET acknowledged_at = now() WHERE id = $1", connection, transaction))
        {
            acknowledge.Parameters.AddWithValue(incident);
            await acknowledge.ExecuteNonQueryAsync();
        }

        var recording = outbox.EnqueueWhileOpenAsync(incident, [reminder]);
        await Task.Delay(300); // give it time to reach the row lock; the assertion below holds either way
        Assert.False(recording.IsCompleted, "the reminder was recorded past an uncommitted acknowledgement");
        await transaction.CommitAsync();

        Assert.Equal(0, await recording);
        Assert.Empty(await kit.DeliveriesAsync());

        // An open incident's reminder is recorded.
        var other = await kit.Database.ScalarAsync<long>(
            "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause, resolved_at) VALUES ($1, $2, $3, 'x', NULL) RETURNING id",
            Guid.NewGuid(), kit.WorkspaceId, Start);
        Assert.Equal(1, await outbox.EnqueueWhileOpenAsync(other, [reminder with { IdempotencyKey = "other", Event = reminder.Event with { IncidentId = other } }]));
    }

    [Fact]
    public async Task MaintenancePausesRemindersUntilItsEndAndOneReminderFollowsIt()
    {
        await using var kit = await StartAsync("reminders_maintenance", TwoSteps(stillDownEveryMinutes: 15));
        var incident = await kit.DownAsync();
        await kit.SweepAsync();
        await kit.DeliverDueAsync();
        kit.Maintenance = new MaintenanceWindow(Start.AddMinutes(10), Start.AddMinutes(40), "deploy");

        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(15));
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(15));
        Assert.Empty(await kit.DeliveriesAsync(AlertEventKind.StillDown));

        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(10)); // 12:40: the window is over
        var after = Assert.Single(await kit.DeliveriesAsync(AlertEventKind.StillDown));
        Assert.StartsWith($"incident:{incident}:still_down:2:", after.Key, StringComparison.Ordinal);
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(5)); // 12:45: the cadence goes on
        Assert.Equal(2, (await kit.DeliveriesAsync(AlertEventKind.StillDown)).Count);
    }

    [Fact]
    public async Task QuietHoursHoldAReminderToTheirEndAndTheCadenceResumesAfterIt()
    {
        await using var kit = await StartAsync("reminders_quiet", TwoSteps(stillDownEveryMinutes: 15) with
        {
            QuietHours = new QuietHours(new TimeOnly(12, 20), new TimeOnly(13, 0), QuietHoursMode.HighPriorityOnly),
        });
        await kit.DownAsync();
        await kit.SweepAsync();
        await kit.DeliverDueAsync();
        for (var minute = 5; minute <= 75; minute += 5)
        {
            await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(5));
        }

        // 12:15 goes; 12:30 waits for 13:00 and stands for 12:45 and 13:00; then 13:15.
        Assert.Equal(
            [Start.AddMinutes(15), Start.AddMinutes(60), Start.AddMinutes(75)],
            (await kit.DeliveriesAsync(AlertEventKind.StillDown)).Select(r => r.NotBefore).Order());
    }

    [Fact]
    public async Task AProjectThatStopsRemindingClearsTheScheduleAndAProjectWithoutRemindersHasNone()
    {
        await using var kit = await StartAsync("reminders_off", TwoSteps(stillDownEveryMinutes: 15));
        var incident = await kit.DownAsync();
        await kit.SweepAsync();
        await kit.DeliverDueAsync();
        kit.Settings = kit.Settings with { StillDownEveryMinutes = null };
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(15));
        Assert.Empty(await kit.DeliveriesAsync(AlertEventKind.StillDown));
        Assert.True(await kit.Database.ScalarAsync<bool>("SELECT next_reminder_at IS NULL FROM om_incidents WHERE id = $1", incident));

        await kit.AddMonitorAsync();
        var silent = await kit.DownAsync();
        await kit.SweepAsync();
        Assert.True(await kit.Database.ScalarAsync<bool>("SELECT opening_alerts_planned AND next_reminder_at IS NULL FROM om_incidents WHERE id = $1", silent));
    }
}
