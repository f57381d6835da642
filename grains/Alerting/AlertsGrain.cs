using Npgsql;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Alerting.Outbox;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// Incident acknowledgement by members (<see cref="IncidentAcknowledgement"/>), scoped to the grain's workspace and the
/// caller's projects, and the deliveries of the workspace and its incidents, read from the outbox.
/// </summary>
[StatelessWorker]
[GrainType("alerts")]
public sealed class AlertsGrain(NpgsqlDataSource dataSource, DeliveryOutbox outbox, IncidentAcknowledgement acknowledgement) : Grain, IAlertsGrain
{
    public async Task<AcknowledgeOutcome> AcknowledgeAsync(WorkspaceAccess caller, long incidentId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.WorkspaceId == this.GetPrimaryKey()
            ? await acknowledgement.AcknowledgeAsync(caller.WorkspaceId, incidentId, caller.ProjectScope, caller.UserId, IncidentAcknowledgement.ByMember)
            : AcknowledgeOutcome.Missing;
    }

    public async Task<IReadOnlyList<DeliveryInfo>?> IncidentDeliveriesAsync(WorkspaceAccess caller, long incidentId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.WorkspaceId != this.GetPrimaryKey())
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (
                SELECT 1 FROM om_incidents i LEFT JOIN om_monitors m ON m.monitor_id = i.monitor_id
                WHERE i.id = $1 AND i.workspace_id = $2 AND ($3::uuid[] IS NULL OR m.project_id = ANY ($3)))
            """);
        command.Parameters.AddWithValue(incidentId);
        command.Parameters.AddWithValue(caller.WorkspaceId);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid, (object?)caller.ProjectScope?.ToArray() ?? DBNull.Value);
        if (await command.ExecuteScalarAsync() is not true)
        {
            return null;
        }

        return [.. (await outbox.ForIncidentAsync(caller.WorkspaceId, incidentId)).Select(r => r.ToInfo())];
    }

    public async Task<DeliveryInfo?> GetDeliveryAsync(WorkspaceAccess caller, Guid deliveryId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.WorkspaceId == this.GetPrimaryKey() && await outbox.OneAsync(caller.WorkspaceId, deliveryId, caller.ProjectScope) is { } record
            ? record.ToInfo()
            : null;
    }
}
