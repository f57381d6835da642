using Npgsql;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Alerting.Outbox;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// Incident acknowledgement over om_incidents, scoped to the grain's workspace and the caller's projects; the first
/// acknowledgement cancels the escalation steps still waiting in the outbox. Deliveries are read from the outbox.
/// </summary>
[StatelessWorker]
[GrainType("alerts")]
public sealed class AlertsGrain(NpgsqlDataSource dataSource, DeliveryOutbox outbox, TimeProvider time) : Grain, IAlertsGrain
{
    public async Task<AcknowledgeOutcome> AcknowledgeAsync(WorkspaceAccess caller, long incidentId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.WorkspaceId != this.GetPrimaryKey())
        {
            return AcknowledgeOutcome.Missing;
        }

        // One statement: the first acknowledgement of an open incident is stored; any later one reads it back.
        await using var command = dataSource.CreateCommand("""
            WITH visible AS (
                SELECT i.id FROM om_incidents i LEFT JOIN om_monitors m ON m.monitor_id = i.monitor_id
                WHERE i.id = $1 AND i.workspace_id = $2 AND ($5::uuid[] IS NULL OR m.project_id = ANY ($5))),
            acknowledged AS (
                UPDATE om_incidents i SET acknowledged_at = $3, acknowledged_by = $4
                FROM visible v WHERE i.id = v.id AND i.acknowledged_at IS NULL AND i.resolved_at IS NULL
                RETURNING i.id)
            SELECT i.acknowledged_at, i.acknowledged_by, i.resolved_at IS NOT NULL, EXISTS (SELECT 1 FROM acknowledged)
            FROM om_incidents i JOIN visible v ON v.id = i.id
            """);
        command.Parameters.AddWithValue(incidentId);
        command.Parameters.AddWithValue(caller.WorkspaceId);
        var now = time.GetUtcNow();
        command.Parameters.AddWithValue(now.UtcDateTime);
        command.Parameters.AddWithValue(caller.UserId);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid, (object?)caller.ProjectScope?.ToArray() ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return AcknowledgeOutcome.Missing;
        }

        var acknowledgedNow = reader.GetBoolean(3);
        var resolved = reader.GetBoolean(2);
        var earlier = acknowledgedNow || reader.IsDBNull(0)
            ? null
            : new AcknowledgeOutcome(true, new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.IsDBNull(1) ? null : reader.GetGuid(1), AlreadyAcknowledged: true);
        await reader.DisposeAsync();
        if (!acknowledgedNow && earlier is null)
        {
            return new AcknowledgeOutcome(true, Resolved: resolved);
        }

        // Stored first, cancelled second; a repeat cancels again, so a cancellation cut short by a failure (answered as
        // an error) is completed by the next acknowledgement and no step is left waiting.
        var cancelled = await outbox.CancelPendingForIncidentAsync(caller.WorkspaceId, incidentId);
        return earlier is null
            ? new AcknowledgeOutcome(true, now, caller.UserId, CancelledDeliveries: cancelled)
            : earlier with { CancelledDeliveries = cancelled };
    }

    public async Task<DeliveryInfo?> GetDeliveryAsync(WorkspaceAccess caller, Guid deliveryId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.WorkspaceId == this.GetPrimaryKey() && await outbox.OneAsync(caller.WorkspaceId, deliveryId, caller.ProjectScope) is { } record
            ? record.ToInfo()
            : null;
    }
}
