using Npgsql;
using NpgsqlTypes;

namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// The om_monitors index: which monitors exist, in which workspace and project, with which tags. A starting silo wakes
/// every monitor from it, and a workspace grain loads its device index from it. The workspace grain is its only writer
/// (monitor grains ask it to register, update and unregister their devices).
/// </summary>
public sealed class MonitorDirectory(NpgsqlDataSource dataSource)
{
    public async Task UpsertAsync(Guid monitorId, Guid workspaceId, Guid projectId, MonitorType type, string name, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO om_monitors (monitor_id, workspace_id, project_id, monitor_type, name) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (monitor_id) DO UPDATE SET project_id = EXCLUDED.project_id, monitor_type = EXCLUDED.monitor_type, name = EXCLUDED.name
            """);
        command.Parameters.AddWithValue(monitorId);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(projectId);
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

    /// <summary>Every monitor id, streamed so a large installation is not read into memory at once.</summary>
    public async IAsyncEnumerable<Guid> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT monitor_id FROM om_monitors ORDER BY created_at");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetGuid(0);
        }
    }

    /// <summary>The devices of a workspace with their project, tags and parent.</summary>
    public async Task<IReadOnlyList<(Guid MonitorId, Guid ProjectId, string[] Tags, Guid? ParentId)>> OfWorkspaceAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT monitor_id, project_id, tags, parent_id FROM om_monitors WHERE workspace_id = $1 AND project_id IS NOT NULL
            """);
        command.Parameters.AddWithValue(workspaceId);
        var rows = new List<(Guid, Guid, string[], Guid?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<string[]>(2), reader.IsDBNull(3) ? null : reader.GetGuid(3)));
        }

        return rows;
    }

    /// <summary>Sets (or clears, with null) a device's parent. The parent's row must exist: its deletion clears the link.</summary>
    public async Task SetParentAsync(Guid monitorId, Guid workspaceId, Guid? parentId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("UPDATE om_monitors SET parent_id = $3 WHERE monitor_id = $1 AND workspace_id = $2");
        command.Parameters.AddWithValue(monitorId);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)parentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets the tags of several devices of one workspace in one statement (each its own list).</summary>
    public async Task SetTagsAsync(Guid workspaceId, IReadOnlyList<(Guid MonitorId, IReadOnlyList<string> Tags)> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            UPDATE om_monitors m SET tags = c.tags::text[]
            FROM (SELECT unnest($2::uuid[]) AS monitor_id, unnest($3::text[]) AS tags) c
            WHERE m.monitor_id = c.monitor_id AND m.workspace_id = $1
            """);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Uuid, changes.Select(c => c.MonitorId).ToArray());
        // Each device's list travels as a PostgreSQL array literal, cast back per row.
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, changes.Select(c => ArrayLiteral(c.Tags)).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ArrayLiteral(IReadOnlyList<string> tags) =>
        "{" + string.Join(",", tags.Select(t => "\"" + t.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) + "}";
}
