using Npgsql;

namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// The om_incidents table: one row per outage, opened on up→down and resolved on down→up. At most
/// <see cref="Concurrency"/> statements run at once per silo: when thousands of monitors change state together (a
/// mass outage, its end) they wait in memory, in turn, instead of exhausting the connection pool and failing. A
/// statement that finds no turn within <see cref="TurnWait"/> fails like a busy database: the monitor keeps the write
/// owed and applies it after its next probe, and its turn (and probe schedule) is never held for minutes by the queue.
/// </summary>
public sealed class IncidentLog(NpgsqlDataSource dataSource)
{
    public const int Concurrency = 32;

    public static readonly TimeSpan TurnWait = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _turns = new(Concurrency, Concurrency);

    /// <summary>Runs <paramref name="statement"/> when a turn is free, or fails after <see cref="TurnWait"/>.</summary>
    private async Task<T> InTurnAsync<T>(Func<Task<T>> statement, CancellationToken cancellationToken)
    {
        if (!await _turns.WaitAsync(TurnWait, cancellationToken))
        {
            throw new TimeoutException($"The incident log is busy ({Concurrency} statements running, others waiting); the write stays owed");
        }

        try
        {
            return await statement();
        }
        finally
        {
            _turns.Release();
        }
    }

    /// <summary>
    /// Opens the monitor's incident and returns its id; idempotent. A monitor has at most one open incident (a
    /// partial unique index) and never two starting at the same instant, so a repeated open adopts the incident
    /// already open, or the one already written for that start.
    /// </summary>
    public Task<long> OpenAsync(Guid monitorId, Guid workspaceId, DateTimeOffset startedAt, string cause, CancellationToken cancellationToken = default) =>
        InTurnAsync(() => OpenCoreAsync(monitorId, workspaceId, startedAt, cause, cancellationToken), cancellationToken);

    private async Task<long> OpenCoreAsync(Guid monitorId, Guid workspaceId, DateTimeOffset startedAt, string cause, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH opened AS (
                INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause) VALUES ($1, $2, $3, $4)
                ON CONFLICT DO NOTHING
                RETURNING id)
            SELECT id FROM opened
            UNION ALL
            (SELECT id FROM om_incidents WHERE monitor_id = $1 AND (resolved_at IS NULL OR started_at = $3)
             ORDER BY started_at = $3 DESC, started_at DESC LIMIT 1)
            LIMIT 1
            """);
        command.Parameters.AddWithValue(monitorId);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(startedAt.UtcDateTime);
        command.Parameters.AddWithValue(cause);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Resolves the monitor's open incident, if any (never before it started); idempotent.</summary>
    public Task ResolveOpenAsync(Guid monitorId, DateTimeOffset resolvedAt, string resolution, CancellationToken cancellationToken = default) =>
        InTurnAsync(
            async () =>
            {
                await using var command = dataSource.CreateCommand("""
                    UPDATE om_incidents SET resolved_at = greatest($2, started_at), resolution = $3 WHERE monitor_id = $1 AND resolved_at IS NULL
                    """);
                command.Parameters.AddWithValue(monitorId);
                command.Parameters.AddWithValue(resolvedAt.UtcDateTime);
                command.Parameters.AddWithValue(resolution);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>The id of the monitor's open incident, or null.</summary>
    public Task<long?> OpenIdAsync(Guid monitorId, CancellationToken cancellationToken = default) =>
        InTurnAsync(
            async () =>
            {
                await using var command = dataSource.CreateCommand("SELECT id FROM om_incidents WHERE monitor_id = $1 AND resolved_at IS NULL");
                command.Parameters.AddWithValue(monitorId);
                return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : (long?)null;
            },
            cancellationToken);

    public async Task<IReadOnlyList<IncidentRecord>> ForMonitorAsync(Guid monitorId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, started_at, resolved_at, cause, resolution FROM om_incidents WHERE monitor_id = $1 ORDER BY started_at DESC, id DESC
            """);
        command.Parameters.AddWithValue(monitorId);
        var incidents = new List<IncidentRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            incidents.Add(new IncidentRecord(
                reader.GetInt64(0),
                new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return incidents;
    }

    public async Task DeleteMonitorAsync(Guid monitorId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM om_incidents WHERE monitor_id = $1");
        command.Parameters.AddWithValue(monitorId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
