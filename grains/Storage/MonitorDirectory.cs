using Npgsql;

namespace OrleansMonitor.Grains.Storage;

/// <summary>The om_monitors index: which monitors exist and in which workspace, so a starting silo can wake them all.</summary>
public sealed class MonitorDirectory(NpgsqlDataSource dataSource)
{
    public async Task UpsertAsync(Guid monitorId, Guid workspaceId, MonitorType type, string name, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO om_monitors (monitor_id, workspace_id, monitor_type, name) VALUES ($1, $2, $3, $4)
            ON CONFLICT (monitor_id) DO UPDATE SET monitor_type = EXCLUDED.monitor_type, name = EXCLUDED.name
            """);
        command.Parameters.AddWithValue(monitorId);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(type.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue(name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(Guid monitorId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM om_monitors WHERE monitor_id = $1");
        command.Parameters.AddWithValue(monitorId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every monitor id, streamed in pages so a large installation is not read into memory at once.</summary>
    public async IAsyncEnumerable<Guid> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT monitor_id FROM om_monitors ORDER BY created_at");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetGuid(0);
        }
    }
}
