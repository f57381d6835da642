using Npgsql;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>Verifies acknowledge links (<see cref="AcknowledgeLinks"/>) and acknowledges through <see cref="IncidentAcknowledgement"/>.</summary>
[StatelessWorker]
[GrainType("acknowledge-link")]
public sealed class AcknowledgeLinkGrain(AcknowledgeLinks links, IncidentAcknowledgement acknowledgement, NpgsqlDataSource dataSource) : Grain, IAcknowledgeLinkGrain
{
    public async Task<AcknowledgeLinkView?> ViewAsync(string token) =>
        await links.VerifyAsync(token) is { } link ? await ReadAsync(link.WorkspaceId, link.IncidentId) : null;

    public async Task<AcknowledgeLinkView?> AcknowledgeAsync(string token)
    {
        if (await links.VerifyAsync(token) is not { } link)
        {
            return null;
        }

        var outcome = await acknowledgement.AcknowledgeAsync(link.WorkspaceId, link.IncidentId, null, null, IncidentAcknowledgement.ByLink);
        return outcome.Found ? await ReadAsync(link.WorkspaceId, link.IncidentId) : null;
    }

    private async Task<AcknowledgeLinkView?> ReadAsync(Guid workspaceId, long incidentId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT coalesce(m.name, ''), i.cause, i.started_at, i.acknowledged_at, i.resolved_at
            FROM om_incidents i LEFT JOIN om_monitors m ON m.monitor_id = i.monitor_id
            WHERE i.id = $1 AND i.workspace_id = $2
            """);
        command.Parameters.AddWithValue(incidentId);
        command.Parameters.AddWithValue(workspaceId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new AcknowledgeLinkView(
            incidentId,
            reader.GetString(0),
            reader.GetString(1),
            Utc(reader.GetDateTime(2)),
            reader.IsDBNull(3) ? null : Utc(reader.GetDateTime(3)),
            reader.IsDBNull(4) ? null : Utc(reader.GetDateTime(4)));
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
