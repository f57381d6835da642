using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Grains.Diagnostics;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// Turns incidents into deliveries: every silo sweeps om_incidents each second for openings and resolutions whose
/// alerts are not planned yet, plans them from the project's alert settings (<see cref="AlertPlanner"/>), records them
/// in the outbox and only then marks the incident planned. The incident table is the source of truth, so an incident
/// written by any silo, a crash anywhere in between, or a database that was away costs at most a later sweep; planning
/// twice records nothing twice (the outbox keeps one delivery per idempotency key), so silos need no lock between them.
/// A resolution first cancels the escalation steps not yet sent, then tells everyone who was sent the opening.
/// </summary>
public sealed class IncidentAlertSweeper(
    NpgsqlDataSource dataSource,
    DeliveryOutbox outbox,
    DeliverySender sender,
    IGrainFactory grains,
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

    /// <summary>Incident events (openings and resolutions) planned since the silo started.</summary>
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
    /// One sweep: plans up to <see cref="Batch"/> openings and as many resolutions; answers how many it planned. An
    /// incident that cannot be planned (its workspace not answering, a row refused) is logged and left for the next
    /// sweep; the others go on.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var planned = 0;
        foreach (var incident in await UnplannedAsync(resolutions: false, cancellationToken))
        {
            planned += await PlanAsync(incident, PlanOpeningAsync, cancellationToken);
        }

        foreach (var incident in await UnplannedAsync(resolutions: true, cancellationToken))
        {
            planned += await PlanAsync(incident, PlanResolutionAsync, cancellationToken);
        }

        Interlocked.Add(ref _planned, planned);
        return planned;
    }

    private async Task<int> PlanAsync(UnplannedIncident incident, Func<UnplannedIncident, CancellationToken, Task> plan, CancellationToken cancellationToken)
    {
        try
        {
            await plan(incident, cancellationToken);
            return 1;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failures);
            if (_warnings.Allow(out var heldBack))
            {
                logger.LogWarning(ex, "The alerts of incident {IncidentId} could not be planned; the next sweep tries again ({HeldBack} similar warnings held back)", incident.Id, heldBack);
            }

            return 0;
        }
    }

    private async Task PlanOpeningAsync(UnplannedIncident incident, CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(incident);
        var deliveries = settings is null || incident.AcknowledgedAt is not null
            ? []
            : AlertPlanner.ForOpening(OpenedEvent(incident), settings);
        await RecordAsync(deliveries, cancellationToken);
        await MarkPlannedAsync(incident.Id, "opening_alerts_planned", cancellationToken);
    }

    private async Task PlanResolutionAsync(UnplannedIncident incident, CancellationToken cancellationToken)
    {
        await outbox.CancelPendingForIncidentAsync(incident.WorkspaceId, incident.Id, cancellationToken);
        var settings = await SettingsAsync(incident) ?? ProjectAlertSettings.None;
        var notified = (await outbox.ForIncidentAsync(incident.WorkspaceId, incident.Id, cancellationToken))
            .Where(d => d.EventKind == AlertEventKind.Opened && d.Status is DeliveryStatus.Sent or DeliveryStatus.Sending)
            .Select(d => new NotifiedRecipient(d.Channel, d.Destination, SecretOf(settings, d.Channel, d.Destination)))
            .ToArray();
        await RecordAsync(AlertPlanner.ForResolution(ResolvedEvent(incident), notified), cancellationToken);
        await MarkPlannedAsync(incident.Id, "resolution_alerts_planned", cancellationToken);
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

    /// <summary>The project's settings, or null when the device is gone or its project has none.</summary>
    private async Task<ProjectAlertSettings?> SettingsAsync(UnplannedIncident incident)
    {
        if (incident.ProjectId is not { } project)
        {
            return null;
        }

        var outcome = await grains.GetGrain<IWorkspaceGrain>(incident.WorkspaceId).GetAlertSettingsAsync(WorkspaceAccess.OwnerOf(incident.WorkspaceId), project);
        return outcome.Settings is { Escalation.Count: > 0 } settings ? settings : null;
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

    private static AlertEvent ResolvedEvent(UnplannedIncident incident) => OpenedEvent(incident) with
    {
        Kind = AlertEventKind.Resolved,
        Title = $"{incident.MonitorName} is up again",
        OccurredAt = incident.ResolvedAt ?? incident.StartedAt,
        ResolvedAt = incident.ResolvedAt,
    };

    private async Task<IReadOnlyList<UnplannedIncident>> UnplannedAsync(bool resolutions, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT i.id, i.monitor_id, i.workspace_id, i.started_at, i.resolved_at, i.cause, i.acknowledged_at, m.project_id, coalesce(m.name, '')
            FROM om_incidents i LEFT JOIN om_monitors m ON m.monitor_id = i.monitor_id
            WHERE {(resolutions ? "i.resolved_at IS NOT NULL AND NOT i.resolution_alerts_planned AND i.opening_alerts_planned" : "NOT i.opening_alerts_planned")}
            ORDER BY i.id
            LIMIT {Batch}
            """);
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
                reader.GetString(8)));
        }

        return incidents;
    }

    private async Task MarkPlannedAsync(long incidentId, string column, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"UPDATE om_incidents SET {column} = true WHERE id = $1");
        command.Parameters.AddWithValue(incidentId);
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
        string MonitorName);
}
