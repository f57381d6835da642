using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Grains.Diagnostics;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// Turns incidents into deliveries: every silo sweeps om_incidents each second for openings and resolutions whose
/// alerts are not planned yet, plans them from the project's alert settings (<see cref="AlertPlanner"/>), records them
/// in the outbox and only then marks the incident planned. The incident table is the source of truth, so an incident
/// written by any silo, a crash anywhere in between, or a database that was away costs at most a later sweep; planning
/// twice records nothing twice (the outbox keeps one delivery per idempotency key), so silos need no lock between them.
/// A resolution first cancels the escalation steps not yet sent, then tells everyone who was sent the opening. Openings
/// and reminders carry the incident's signed acknowledge link (<see cref="AcknowledgeLinks"/>) when a public URL is set.
/// <list type="bullet">
/// <item>Workspace rules: an opening also goes to every recipient of the workspace's email and SMS rules that cover its
/// project (<see cref="AlertRouting"/>), even in a project without escalation steps.</item>
/// <item>Acknowledgement: an acknowledged incident's PagerDuty, chat and webhook receivers that were sent the opening
/// are told once (marked in <c>acknowledgement_alerts_planned</c>).</item>
/// <item>Still-down reminders: an opening planned with alerts sets the incident's <c>next_reminder_at</c> when the
/// project reminds; each sweep plans the reminders come due (the latest one only, after an outage: no burst), to everyone
/// who was sent the opening, keyed by incident and reminder number, recorded only while the incident is open and not
/// acknowledged (<see cref="DeliveryOutbox.EnqueueWhileOpenAsync"/>). During the monitor's maintenance window they
/// pause until its end.</item>
/// <item>Flapping: an opening with more than the rule's changes in its window (counted from om_incidents) begins an
/// episode in <c>om_flapping</c> instead of its escalation, and the episode's one flapping alert follows the escalation;
/// openings during the episode alert nobody (so their resolutions reach nobody). Once the monitor has not changed
/// for the rule's stable minutes the episode ends: up, everyone sent the flapping alert is told it is stable; down, the
/// open incident gets its normal escalation from then on.</item>
/// </list>
/// </summary>
public sealed class IncidentAlertSweeper(
    NpgsqlDataSource dataSource,
    DeliveryOutbox outbox,
    DeliverySender sender,
    IAlertSettingsSource sources,
    AcknowledgeLinks links,
    TimeProvider time,
    ILogger<IncidentAlertSweeper> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public const int Batch = 100;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private readonly LogThrottle _warnings = new(clock: time);
    private Task _loop = Task.CompletedTask;
    private long _planned;
    private long _failures;

    /// <summary>Incident events (openings, resolutions, reminders, ends of flapping episodes, acknowledgements) planned since the silo started.</summary>
    public long Planned => Interlocked.Read(ref _planned);

    /// <summary>Sweeps that failed (logged, retried with back-off).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(IncidentAlertSweeper), ServiceLifecycleStage.Active, OnActiveAsync, OnStopAsync);

    private Task OnActiveAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var backOff = Poll;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = Poll;
            try
            {
                var planned = await SweepAsync(cancellationToken);
                wait = planned >= Batch ? TimeSpan.Zero : Poll;
                backOff = Poll;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref _failures);
                if (_warnings.Allow(out var heldBack))
                {
                    logger.LogWarning(ex, "Planning incident alerts failed; retrying in {Delay} ({HeldBack} similar warnings held back)", backOff, heldBack);
                }

                wait = backOff;
                backOff = backOff * 2 < LongestBackOff ? backOff * 2 : LongestBackOff;
            }

            try
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One sweep: plans up to <see cref="Batch"/> openings, as many resolutions, as many reminders come due and as many
    /// flapping episodes that may have ended; answers how many it planned. An incident or episode that cannot be planned
    /// (its workspace not answering, a row refused) is logged and left for the next sweep; the others go on.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var planned = 0;
        foreach (var incident in await UnplannedAsync(resolutions: false, cancellationToken))
        {
            planned += await PlanAsync(incident.Id, incident, PlanOpeningAsync, cancellationToken);
        }

        foreach (var incident in await UnplannedAsync(resolutions: true, cancellationToken))
        {
            planned += await PlanAsync(incident.Id, incident, PlanResolutionAsync, cancellationToken);
        }

        foreach (var incident in await RemindersDueAsync(cancellationToken))
        {
            planned += await PlanAsync(incident.Id, incident, PlanReminderAsync, cancellationToken);
        }

        foreach (var episode in await EpisodesDueAsync(cancellationToken))
        {
            planned += await PlanAsync(episode.Id, episode, EndEpisodeAsync, cancellationToken);
        }

        foreach (var incident in await AcknowledgedAsync(cancellationToken))
        {
            planned += await PlanAsync(incident.Id, incident, PlanAcknowledgementAsync, cancellationToken);
        }

        Interlocked.Add(ref _planned, planned);
        return planned;
    }

    private async Task<int> PlanAsync<T>(long incidentId, T item, Func<T, CancellationToken, Task> plan, CancellationToken cancellationToken)
    {
        try
        {
            await plan(item, cancellationToken);
            return 1;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failures);
            if (_warnings.Allow(out var heldBack))
            {
                logger.LogWarning(ex, "The alerts of incident {IncidentId} could not be planned; the next sweep tries again ({HeldBack} similar warnings held back)", incidentId, heldBack);
            }

            return 0;
        }
    }

    private async Task PlanOpeningAsync(UnplannedIncident incident, CancellationToken cancellationToken)
    {
        if (await RoutingAsync(incident.WorkspaceId, incident.ProjectId) is not { TellsAnyone: true } routing)
        {
            await MarkOpeningPlannedAsync(incident.Id, null, cancellationToken);
            return;
        }

        var settings = routing.Settings;
        var flapping = await FlappingOfAsync(incident, settings.Flapping, cancellationToken);
        if (flapping is { } episode)
        {
            if (episode.Id == incident.Id && !episode.Notified)
            {
                await RecordAsync(routing.AlertsOf(FlappingEvent(incident, episode.Changes, settings.Flapping)), cancellationToken);
                await MarkNotifiedAsync(episode.Id, cancellationToken);
            }

            await MarkOpeningPlannedAsync(incident.Id, null, cancellationToken); // collapsed into the episode: no escalation, no reminders
            return;
        }

        if (incident.AcknowledgedAt is not null)
        {
            await MarkOpeningPlannedAsync(incident.Id, null, cancellationToken);
            return;
        }

        await RecordAsync(routing.AlertsOf(await LinkedAsync(OpenedEvent(incident))), cancellationToken);
        var firstReminder = settings.StillDownEveryMinutes is { } every ? AlertPlanner.ReminderDue(incident.StartedAt, every, 1) : (DateTimeOffset?)null;
        await MarkOpeningPlannedAsync(incident.Id, firstReminder, cancellationToken);
    }

    private async Task PlanResolutionAsync(UnplannedIncident incident, CancellationToken cancellationToken)
    {
        await outbox.CancelPendingForIncidentAsync(incident.WorkspaceId, incident.Id, cancellationToken);
        var settings = await SettingsAsync(incident.WorkspaceId, incident.ProjectId) ?? ProjectAlertSettings.None;
        var notified = await NotifiedAsync(incident.WorkspaceId, incident.Id, AlertEventKind.Opened, settings, cancellationToken);
        await RecordAsync(AlertPlanner.ForResolution(ResolvedEvent(incident), notified), cancellationToken);
        await MarkPlannedAsync(incident.Id, "resolution_alerts_planned", cancellationToken);
    }

    /// <summary>
    /// The reminder come due for an open incident, unless it resolved, was acknowledged, the project stopped reminding
    /// (its schedule is cleared), or the monitor is in maintenance (postponed to the window's end).
    /// </summary>
    private async Task PlanReminderAsync(UnplannedIncident incident, CancellationToken cancellationToken)
    {
        if (incident.ResolvedAt is not null || incident.AcknowledgedAt is not null)
        {
            await ScheduleReminderAsync(incident.Id, null, incident.RemindersPlanned, cancellationToken);
            return;
        }

        var settings = await SettingsAsync(incident.WorkspaceId, incident.ProjectId);
        if (settings?.StillDownEveryMinutes is not { } every)
        {
            await ScheduleReminderAsync(incident.Id, null, incident.RemindersPlanned, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        if (await sources.MaintenanceAsync(incident.WorkspaceId, incident.MonitorId) is { } maintenance && maintenance.Covers(now))
        {
            await ScheduleReminderAsync(incident.Id, maintenance.End, incident.RemindersPlanned, cancellationToken);
            return;
        }

        var number = AlertPlanner.ReminderNumber(incident.StartedAt, every, now);
        if (number <= incident.RemindersPlanned)
        {
            var (_, due) = AlertPlanner.NextReminder(incident.StartedAt, every, incident.RemindersPlanned, now);
            await ScheduleReminderAsync(incident.Id, due, incident.RemindersPlanned, cancellationToken);
            return;
        }

        var reminder = await LinkedAsync(StillDownEvent(incident, AlertPlanner.ReminderDue(incident.StartedAt, every, number)));
        var notified = await NotifiedAsync(incident.WorkspaceId, incident.Id, AlertEventKind.Opened, settings, cancellationToken);
        if (await outbox.EnqueueWhileOpenAsync(incident.Id, AlertPlanner.ForStillDown(reminder, number, notified, settings), cancellationToken) > 0)
        {
            sender.Wake();
        }

        // Held back by quiet hours, the reminder goes at their end; the next one is the first due after that.
        var released = AlertPlanner.ReleaseReminder(reminder.OccurredAt, settings);
        var next = AlertPlanner.NextReminder(incident.StartedAt, every, number, released > now ? released : now);
        await ScheduleReminderAsync(incident.Id, next.Due, number, cancellationToken);
    }

    /// <summary>
    /// An acknowledged incident: its PagerDuty, chat and webhook receivers that were sent the opening are told (PagerDuty
    /// stops paging). One resolved meanwhile is not: its resolution says more.
    /// </summary>
    private async Task PlanAcknowledgementAsync(UnplannedIncident incident, CancellationToken cancellationToken)
    {
        if (incident.ResolvedAt is null && incident.AcknowledgedAt is { } at)
        {
            var settings = await SettingsAsync(incident.WorkspaceId, incident.ProjectId) ?? ProjectAlertSettings.None;
            var notified = await NotifiedAsync(incident.WorkspaceId, incident.Id, AlertEventKind.Opened, settings, cancellationToken);
            await RecordAsync(AlertPlanner.ForAcknowledgement(AcknowledgedEvent(incident, at), notified), cancellationToken);
        }

        await MarkPlannedAsync(incident.Id, "acknowledgement_alerts_planned", cancellationToken);
    }

    /// <summary>
    /// An episode whose stable time has come: when the monitor changed since (a change not seen yet), it goes on;
    /// otherwise it ends. Up: the flapping alerts not sent yet are cancelled and everyone sent one is told it is stable.
    /// Down: the open incident, whose opening the episode swallowed, gets its escalation as if it opened when the monitor
    /// became stable (and its reminders from then).
    /// </summary>
    private async Task EndEpisodeAsync(FlappingEpisode episode, CancellationToken cancellationToken)
    {
        var latest = await LatestIncidentAsync(episode.MonitorId, cancellationToken);
        var lastChange = latest is null ? episode.LastChangeAt : latest.ResolvedAt ?? latest.StartedAt;
        if (lastChange < episode.LastChangeAt)
        {
            lastChange = episode.LastChangeAt;
        }

        var stableAt = AlertPlanner.StableAt(lastChange, episode.StableMinutes);
        if (stableAt > time.GetUtcNow())
        {
            await TouchEpisodeAsync(episode.Id, lastChange, cancellationToken);
            return;
        }

        await outbox.CancelPendingFlappingAsync(episode.WorkspaceId, episode.Id, cancellationToken);
        if (latest is not null && latest.ResolvedAt is null)
        {
            if (await RoutingAsync(episode.WorkspaceId, episode.ProjectId) is { TellsAnyone: true } routing && latest.AcknowledgedAt is null)
            {
                var opened = await LinkedAsync(OpenedEvent(latest) with { OccurredAt = stableAt });
                if (await outbox.EnqueueWhileOpenAsync(latest.Id, routing.AlertsOf(opened), cancellationToken) > 0)
                {
                    sender.Wake();
                }

                if (routing.Settings.StillDownEveryMinutes is { } every)
                {
                    var (_, due) = AlertPlanner.NextReminder(latest.StartedAt, every, latest.RemindersPlanned, stableAt);
                    await ScheduleReminderAsync(latest.Id, due, latest.RemindersPlanned, cancellationToken);
                }
            }
        }
        else
        {
            var settings = await SettingsAsync(episode.WorkspaceId, episode.ProjectId) ?? ProjectAlertSettings.None;
            var notified = await NotifiedAsync(episode.WorkspaceId, episode.Id, AlertEventKind.Flapping, settings, cancellationToken);
            await RecordAsync(AlertPlanner.ForStable(StableEvent(episode, lastChange, stableAt), notified), cancellationToken);
        }

        await EndAsync(episode.Id, stableAt, lastChange, cancellationToken);
    }

    /// <summary>
    /// The episode <paramref name="incident"/>'s opening belongs to, or null when the monitor is not flapping: the one
    /// going on, or a new one when the changes in the window (this opening included) are more than the rule allows.
    /// </summary>
    private async Task<EpisodeMembership?> FlappingOfAsync(UnplannedIncident incident, FlappingRule rule, CancellationToken cancellationToken)
    {
        EpisodeMembership? going;
        DateTimeOffset? previousLastChange;
        bool begunBefore;

        // The reader is disposed once, at the end of this block, before any other command: Npgsql reuses a connection's
        // reader object, so disposing it again after the connection went back to the pool could close another
        // command's reader (it hung a sweeper, and with it a silo's shutdown).
        await using (var command = dataSource.CreateCommand("""
            SELECT o.id, o.notified,
                   (SELECT max(last_change_at) FROM om_flapping WHERE monitor_id = $1 AND ended_at IS NOT NULL),
                   EXISTS (SELECT 1 FROM om_flapping WHERE id = $2)
            FROM (SELECT 1) AS one LEFT JOIN om_flapping o ON o.monitor_id = $1 AND o.ended_at IS NULL
            """))
        {
            command.Parameters.AddWithValue(incident.MonitorId);
            command.Parameters.AddWithValue(incident.Id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            going = reader.IsDBNull(0) ? null : new EpisodeMembership(reader.GetInt64(0), reader.GetBoolean(1), 0);
            previousLastChange = reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero);
            begunBefore = reader.GetBoolean(3);
        }

        if (going is not null && going.Id != incident.Id)
        {
            await TouchEpisodeAsync(going.Id, incident.StartedAt, cancellationToken);
            return going;
        }

        if (going is null && begunBefore)
        {
            return new EpisodeMembership(incident.Id, Notified: true, 0); // it began an episode that is over already (planned again after a crash)
        }

        var changes = await ChangesAsync(incident.MonitorId, AlertPlanner.FlappingWindowStart(incident.StartedAt, rule, previousLastChange), incident.StartedAt, cancellationToken);
        if (going is not null)
        {
            return going with { Changes = changes }; // it began the episode going on (planned again after a crash)
        }

        return AlertPlanner.IsFlapping(changes, rule) ? await BeginEpisodeAsync(incident, rule, changes, cancellationToken) : null;
    }

    /// <summary>State changes of a monitor in (<paramref name="from"/>, <paramref name="to"/>]: each start is a down change, each resolution an up change.</summary>
    private async Task<long> ChangesAsync(Guid monitorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Incidents of a monitor do not overlap: besides those started in the window only the last one before it can
        // resolve inside it, so the count reads a bounded range of om_incidents_monitor_start.
        await using var command = dataSource.CreateCommand("""
            WITH recent AS (
                (SELECT started_at, resolved_at FROM om_incidents WHERE monitor_id = $1 AND started_at > $2 AND started_at <= $3)
                UNION ALL
                (SELECT started_at, resolved_at FROM om_incidents WHERE monitor_id = $1 AND started_at <= $2 ORDER BY started_at DESC LIMIT 1))
            SELECT count(*) FILTER (WHERE started_at > $2) + count(*) FILTER (WHERE resolved_at > $2 AND resolved_at <= $3) FROM recent
            """);
        command.Parameters.AddWithValue(monitorId);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Begins the episode (once, whichever silo is first) and answers the one going on: this one, or another silo's.</summary>
    private async Task<EpisodeMembership?> BeginEpisodeAsync(UnplannedIncident incident, FlappingRule rule, long changes, CancellationToken cancellationToken)
    {
        await using (var insert = dataSource.CreateCommand("""
            INSERT INTO om_flapping (id, monitor_id, workspace_id, started_at, last_change_at, stable_minutes, stable_at)
            VALUES ($1, $2, $3, $4, $4, $5, $6)
            ON CONFLICT DO NOTHING
            RETURNING notified
            """))
        {
            insert.Parameters.AddWithValue(incident.Id);
            insert.Parameters.AddWithValue(incident.MonitorId);
            insert.Parameters.AddWithValue(incident.WorkspaceId);
            insert.Parameters.AddWithValue(incident.StartedAt);
            insert.Parameters.AddWithValue(rule.StableMinutes);
            insert.Parameters.AddWithValue(AlertPlanner.StableAt(incident.StartedAt, rule.StableMinutes));
            if (await insert.ExecuteScalarAsync(cancellationToken) is bool notified)
            {
                return new EpisodeMembership(incident.Id, notified, changes);
            }
        }

        // Another sweeper was first. Read in a statement of its own: the insert's snapshot predates the row it waited for.
        EpisodeMembership episode;
        await using (var command = dataSource.CreateCommand("""
            SELECT id, notified OR ended_at IS NOT NULL FROM om_flapping
            WHERE id = $1 OR (monitor_id = $2 AND ended_at IS NULL)
            ORDER BY id = $1 DESC
            LIMIT 1
            """))
        {
            command.Parameters.AddWithValue(incident.Id);
            command.Parameters.AddWithValue(incident.MonitorId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null; // the other episode ended meanwhile: plan this opening normally
            }

            episode = new EpisodeMembership(reader.GetInt64(0), reader.GetBoolean(1), changes);
        }

        if (episode.Id != incident.Id)
        {
            await TouchEpisodeAsync(episode.Id, incident.StartedAt, cancellationToken);
        }

        return episode;
    }

    private async Task TouchEpisodeAsync(long episodeId, DateTimeOffset change, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE om_flapping SET last_change_at = greatest(last_change_at, $2),
                                   stable_at = greatest(last_change_at, $2) + make_interval(mins => stable_minutes)
            WHERE id = $1 AND ended_at IS NULL
            """);
        command.Parameters.AddWithValue(episodeId);
        command.Parameters.AddWithValue(change);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task MarkNotifiedAsync(long episodeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE om_flapping SET notified = true WHERE id = $1");
        command.Parameters.AddWithValue(episodeId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task EndAsync(long episodeId, DateTimeOffset endedAt, DateTimeOffset lastChange, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE om_flapping SET ended_at = $2, last_change_at = greatest(last_change_at, $3) WHERE id = $1 AND ended_at IS NULL");
        command.Parameters.AddWithValue(episodeId);
        command.Parameters.AddWithValue(endedAt);
        command.Parameters.AddWithValue(lastChange);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task RecordAsync(IReadOnlyList<NewDelivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var result = await outbox.EnqueueManyAsync(deliveries, cancellationToken);
        if (result.Recorded > 0)
        {
            sender.Wake();
        }
    }

    /// <summary>Everyone sent (or being sent) the <paramref name="kind"/> alerts recorded under <paramref name="incidentId"/>.</summary>
    private async Task<NotifiedRecipient[]> NotifiedAsync(
        Guid workspaceId, long incidentId, AlertEventKind kind, ProjectAlertSettings settings, CancellationToken cancellationToken) =>
        [
            .. (await outbox.ForIncidentAsync(workspaceId, incidentId, cancellationToken))
                .Where(d => d.EventKind == kind && d.Status is DeliveryStatus.Sent or DeliveryStatus.Sending)
                .Select(d => new NotifiedRecipient(d.Channel, d.Destination, SecretOf(settings, d.Channel, d.Destination))),
        ];

    /// <summary>The project's settings, or null when the device is gone or its project has none.</summary>
    private async Task<ProjectAlertSettings?> SettingsAsync(Guid workspaceId, Guid? projectId) =>
        projectId is { } project ? await sources.SettingsAsync(workspaceId, project) : null;

    /// <summary>Where the project's opening alerts go (its settings, or none, and the workspace's rules), or null when the device is gone.</summary>
    private async Task<AlertRouting?> RoutingAsync(Guid workspaceId, Guid? projectId)
    {
        if (projectId is not { } project)
        {
            return null;
        }

        return new AlertRouting(project, await SettingsAsync(workspaceId, project) ?? ProjectAlertSettings.None, await sources.RulesAsync(workspaceId));
    }

    /// <summary>The secret a destination was sent the opening with, as the settings hold it now (PagerDuty: by channel).</summary>
    private static string? SecretOf(ProjectAlertSettings settings, ChannelKind channel, string destination) =>
        settings.Escalation.FirstOrDefault(s => s.Channel == channel && (s.Destination == destination || channel == ChannelKind.PagerDuty))?.Secret;

    private static AlertEvent OpenedEvent(UnplannedIncident incident) => new(
        AlertEventKind.Opened,
        incident.WorkspaceId,
        incident.Id,
        incident.MonitorId,
        $"{incident.MonitorName} is down",
        incident.MonitorName,
        string.Empty,
        incident.Cause,
        incident.StartedAt,
        incident.StartedAt);

    /// <summary><paramref name="alert"/> with its incident's signed acknowledge link, when a public URL is configured.</summary>
    private async Task<AlertEvent> LinkedAsync(AlertEvent alert) =>
        alert.IncidentId is { } incident ? alert with { AcknowledgeUrl = await links.UrlForAsync(alert.WorkspaceId, incident) } : alert;

    private static AlertEvent AcknowledgedEvent(UnplannedIncident incident, DateTimeOffset at) => OpenedEvent(incident) with
    {
        Kind = AlertEventKind.Acknowledged,
        Title = $"{incident.MonitorName}: incident acknowledged",
        OccurredAt = at,
    };

    private static AlertEvent ResolvedEvent(UnplannedIncident incident) => OpenedEvent(incident) with
    {
        Kind = AlertEventKind.Resolved,
        Title = $"{incident.MonitorName} is up again",
        OccurredAt = incident.ResolvedAt ?? incident.StartedAt,
        ResolvedAt = incident.ResolvedAt,
    };

    private static AlertEvent StillDownEvent(UnplannedIncident incident, DateTimeOffset due) => OpenedEvent(incident) with
    {
        Kind = AlertEventKind.StillDown,
        Title = $"{incident.MonitorName} is still down",
        OccurredAt = due,
    };

    /// <summary>The episode's alert: keyed by the incident whose opening began it.</summary>
    private static AlertEvent FlappingEvent(UnplannedIncident incident, long changes, FlappingRule rule) => OpenedEvent(incident) with
    {
        Kind = AlertEventKind.Flapping,
        Title = $"{incident.MonitorName} is flapping",
        Cause = $"{changes} state changes within {rule.WindowMinutes} min (more than {rule.Changes}); latest failure: {incident.Cause}",
    };

    private static AlertEvent StableEvent(FlappingEpisode episode, DateTimeOffset lastChange, DateTimeOffset stableAt) => new(
        AlertEventKind.Stable,
        episode.WorkspaceId,
        episode.Id,
        episode.MonitorId,
        $"{episode.MonitorName} stopped flapping and is up",
        episode.MonitorName,
        string.Empty,
        $"No state change for {episode.StableMinutes} min",
        stableAt,
        episode.StartedAt,
        lastChange);

    private const string IncidentColumns =
        "i.id, i.monitor_id, i.workspace_id, i.started_at, i.resolved_at, i.cause, i.acknowledged_at, m.project_id, coalesce(m.name, ''), i.reminders_planned";

    private Task<IReadOnlyList<UnplannedIncident>> UnplannedAsync(bool resolutions, CancellationToken cancellationToken) =>
        IncidentsAsync($"""
            SELECT {IncidentColumns}
            FROM om_incidents i LEFT JOIN om_monitors m ON m.monitor_id = i.monitor_id
            WHERE {(resolutions ? "i.resolved_at IS NOT NULL AND NOT i.resolution_alerts_planned AND i.opening_alerts_planned" : "NOT i.opening_alerts_planned")}
            ORDER BY i.id
            LIMIT {Batch}
            """, null, cancellationToken);

    /// <summary>Acknowledged incidents whose acknowledgement is not told yet.</summary>
    private Task<IReadOnlyList<UnplannedIncident>> AcknowledgedAsync(CancellationToken cancellationToken) =>
        IncidentsAsync($"""
            SELECT {IncidentColumns}
            FROM om_incidents i LEFT JOIN om_monitors m ON m.monitor_id = i.monitor_id
            WHERE i.acknowledged_at IS NOT NULL AND NOT i.acknowledgement_alerts_planned
            ORDER BY i.id
            LIMIT {Batch}
            """, null, cancellationToken);

    /// <summary>Incidents whose next reminder is due (resolved or acknowledged ones too, so their schedule is cleared).</summary>
    private Task<IReadOnlyList<UnplannedIncident>> RemindersDueAsync(CancellationToken cancellationToken) =>
        IncidentsAsync($"""
            SELECT {IncidentColumns}
            FROM om_incidents i LEFT JOIN om_monitors m ON m.monitor_id = i.monitor_id
            WHERE i.next_reminder_at IS NOT NULL AND i.next_reminder_at <= $1
            ORDER BY i.next_reminder_at
            LIMIT {Batch}
            """, time.GetUtcNow(), cancellationToken);

    private async Task<UnplannedIncident?> LatestIncidentAsync(Guid monitorId, CancellationToken cancellationToken) =>
        (await IncidentsAsync($"""
            SELECT {IncidentColumns}
            FROM om_incidents i LEFT JOIN om_monitors m ON m.monitor_id = i.monitor_id
            WHERE i.monitor_id = $1
            ORDER BY i.started_at DESC
            LIMIT 1
            """, monitorId, cancellationToken)).FirstOrDefault();

    private async Task<IReadOnlyList<UnplannedIncident>> IncidentsAsync(string sql, object? parameter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var incidents = new List<UnplannedIncident>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            incidents.Add(new UnplannedIncident(
                reader.GetInt64(0),
                reader.GetGuid(1),
                reader.GetGuid(2),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero),
                reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : new DateTimeOffset(reader.GetDateTime(6), TimeSpan.Zero),
                reader.IsDBNull(7) ? null : reader.GetGuid(7),
                reader.GetString(8),
                reader.GetInt32(9)));
        }

        return incidents;
    }

    /// <summary>Episodes whose stable time has come, first due first.</summary>
    private async Task<IReadOnlyList<FlappingEpisode>> EpisodesDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT f.id, f.monitor_id, f.workspace_id, f.started_at, f.last_change_at, f.stable_minutes, m.project_id, coalesce(m.name, '')
            FROM om_flapping f LEFT JOIN om_monitors m ON m.monitor_id = f.monitor_id
            WHERE f.ended_at IS NULL AND f.stable_at <= $1
            ORDER BY f.stable_at
            LIMIT {Batch}
            """);
        command.Parameters.AddWithValue(time.GetUtcNow());
        var episodes = new List<FlappingEpisode>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            episodes.Add(new FlappingEpisode(
                reader.GetInt64(0),
                reader.GetGuid(1),
                reader.GetGuid(2),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetGuid(6),
                reader.GetString(7)));
        }

        return episodes;
    }

    private async Task MarkPlannedAsync(long incidentId, string column, CancellationToken cancellationToken)
    {
        // A resolved incident is reminded of no more.
        await using var command = dataSource.CreateCommand($"UPDATE om_incidents SET {column} = true, next_reminder_at = NULL WHERE id = $1");
        command.Parameters.AddWithValue(incidentId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task MarkOpeningPlannedAsync(long incidentId, DateTimeOffset? firstReminder, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE om_incidents SET opening_alerts_planned = true, next_reminder_at = $2 WHERE id = $1");
        command.Parameters.AddWithValue(incidentId);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)firstReminder ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ScheduleReminderAsync(long incidentId, DateTimeOffset? next, int planned, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE om_incidents SET next_reminder_at = $2, reminders_planned = greatest(reminders_planned, $3) WHERE id = $1");
        command.Parameters.AddWithValue(incidentId);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)next ?? DBNull.Value);
        command.Parameters.AddWithValue(planned);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record UnplannedIncident(
        long Id,
        Guid MonitorId,
        Guid WorkspaceId,
        DateTimeOffset StartedAt,
        DateTimeOffset? ResolvedAt,
        string Cause,
        DateTimeOffset? AcknowledgedAt,
        Guid? ProjectId,
        string MonitorName,
        int RemindersPlanned);

    private sealed record FlappingEpisode(
        long Id,
        Guid MonitorId,
        Guid WorkspaceId,
        DateTimeOffset StartedAt,
        DateTimeOffset LastChangeAt,
        int StableMinutes,
        Guid? ProjectId,
        string MonitorName);

    /// <summary>The episode an opening belongs to; <see cref="Changes"/> is counted only when the opening began it now.</summary>
    private sealed record EpisodeMembership(long Id, bool Notified, long Changes);
}
