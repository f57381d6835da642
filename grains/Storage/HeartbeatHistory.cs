using Npgsql;

namespace OrleansMonitor.Grains.Storage;

/// <summary>Reads of the om_heartbeats table: spans for the status route and the history a re-activated grain rebuilds from.</summary>
public sealed class HeartbeatHistory(NpgsqlDataSource dataSource)
{
    /// <summary>Every heartbeat since <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Heartbeat>> SinceAsync(Guid monitorId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, status, latency_ms, checked_at, is_down, message, in_maintenance
            FROM om_heartbeats WHERE monitor_id = $1 AND checked_at > $2
            ORDER BY checked_at, id
            """);
        command.Parameters.AddWithValue(monitorId);
        command.Parameters.AddWithValue(since.UtcDateTime);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The newest <paramref name="limit"/> heartbeats, returned oldest first.</summary>
    public async Task<IReadOnlyList<Heartbeat>> NewestAsync(Guid monitorId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, status, latency_ms, checked_at, is_down, message, in_maintenance FROM (
                SELECT * FROM om_heartbeats WHERE monitor_id = $1 ORDER BY checked_at DESC, id DESC LIMIT $2
            ) newest
            ORDER BY checked_at, id
            """);
        command.Parameters.AddWithValue(monitorId);
        command.Parameters.AddWithValue(limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>For each five-minute mark since <paramref name="since"/>, the heartbeat closest to it; newest first.</summary>
    public async Task<IReadOnlyList<Heartbeat>> ClosestToEveryFiveMinutesAsync(Guid monitorId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        // A heartbeat belongs to the mark it is nearest to (marks every 300 s since the epoch); per mark keep the nearest one.
        await using var command = dataSource.CreateCommand("""
            SELECT id, status, latency_ms, checked_at, is_down, message, in_maintenance FROM (
                SELECT DISTINCT ON (mark) mark, id, status, latency_ms, checked_at, is_down, message, in_maintenance
                FROM (
                    SELECT h.*, round(extract(epoch FROM h.checked_at) / 300) AS mark
                    FROM om_heartbeats h WHERE h.monitor_id = $1 AND h.checked_at > $2
                ) marked
                ORDER BY mark, abs(extract(epoch FROM checked_at) - mark * 300), id
            ) nearest
            ORDER BY checked_at DESC, id DESC
            """);
        command.Parameters.AddWithValue(monitorId);
        command.Parameters.AddWithValue(since.UtcDateTime);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task DeleteMonitorAsync(Guid monitorId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("WITH raw AS (DELETE FROM om_heartbeats WHERE monitor_id = $1) DELETE FROM om_rollups_5m WHERE monitor_id = $1");
        command.Parameters.AddWithValue(monitorId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<Heartbeat>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var heartbeats = new List<Heartbeat>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            heartbeats.Add(new Heartbeat(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt32(2),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero),
                reader.GetBoolean(4),
                reader.GetString(5),
                reader.GetBoolean(6)));
        }

        return heartbeats;
    }
}
