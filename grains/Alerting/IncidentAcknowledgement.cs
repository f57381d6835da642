using Npgsql;
using NpgsqlTypes;
using OrleansMonitor.Grains.Alerting.Outbox;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// Acknowledges an incident in om_incidents, by a member through the API or by whoever holds a signed acknowledge
/// link: the first acknowledgement is kept (who, when and how) and the escalation deliveries still waiting are
/// cancelled. A repeat cancels again, so a cancellation cut short by a failure (answered as an error) is completed by the
/// next acknowledgement and no step is left waiting. The alert sweeper tells the receivers that keep alert state.
/// </summary>
public sealed class IncidentAcknowledgement(NpgsqlDataSource dataSource, DeliveryOutbox outbox, TimeProvider time)
{
    /// <summary>How an acknowledgement came: stored in <c>om_incidents.acknowledged_via</c>.</summary>
    public const string ByMember = "member";

    /// <inheritdoc cref="ByMember"/>
    public const string ByLink = "link";

    /// <summary>
    /// Acknowledges incident <paramref name="incidentId"/> of <paramref name="workspaceId"/> if a caller who sees only
    /// <paramref name="projectScope"/> (null: every project) sees it; <paramref name="by"/> is the member, or null for a link.
    /// </summary>
    public async Task<AcknowledgeOutcome> AcknowledgeAsync(
        Guid workspaceId, long incidentId, IReadOnlyList<Guid>? projectScope, Guid? by, string via, CancellationToken cancellationToken = default)
    {
        // One statement: the first acknowledgement of an open incident is stored; any later one reads it back. The reader
        // is disposed once, before the next command (Npgsql reuses a connection's reader object).
        var now = time.GetUtcNow();
        bool acknowledgedNow, resolved;
        AcknowledgeOutcome? earlier;
        await using (var command = dataSource.CreateCommand("""
            WITH visible AS (
                SELECT i.id FROM om_incidents i LEFT JOIN om_monitors m ON m.monitor_id = i.monitor_id
                WHERE i.id = $1 AND i.workspace_id = $2 AND ($5::uuid[] IS NULL OR m.project_id = ANY ($5))),
            acknowledged AS (
                UPDATE om_incidents i SET acknowledged_at = $3, acknowledged_by = $4, acknowledged_via = $6
                FROM visible v WHERE i.id = v.id AND i.acknowledged_at IS NULL AND i.resolved_at IS NULL
                RETURNING i.id)
            SELECT i.acknowledged_at, i.acknowledged_by, i.resolved_at IS NOT NULL, EXISTS (SELECT 1 FROM acknowledged)
            FROM om_incidents i JOIN visible v ON v.id = i.id
            """))
        {
            command.Parameters.AddWithValue(incidentId);
            command.Parameters.AddWithValue(workspaceId);
            command.Parameters.AddWithValue(now.UtcDateTime);
            command.Parameters.AddWithValue(NpgsqlDbType.Uuid, (object?)by ?? DBNull.Value);
            command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Uuid, (object?)projectScope?.ToArray() ?? DBNull.Value);
            command.Parameters.AddWithValue(via);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return AcknowledgeOutcome.Missing;
            }

            acknowledgedNow = reader.GetBoolean(3);
            resolved = reader.GetBoolean(2);
            earlier = acknowledgedNow || reader.IsDBNull(0)
                ? null
                : new AcknowledgeOutcome(true, new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.IsDBNull(1) ? null : reader.GetGuid(1), AlreadyAcknowledged: true);
        }

        if (!acknowledgedNow && earlier is null)
        {
            return new AcknowledgeOutcome(true, Resolved: resolved);
        }

        var cancelled = await outbox.CancelPendingForIncidentAsync(workspaceId, incidentId, cancellationToken);
        return earlier is null
            ? new AcknowledgeOutcome(true, now, by, CancelledDeliveries: cancelled)
            : earlier with { CancelledDeliveries = cancelled };
    }
}
