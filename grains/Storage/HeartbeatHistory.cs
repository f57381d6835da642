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

    /// <summary>
    /// Reads what a monitor activated at <paramref name="until"/> rebuilds its figures from, in one round trip: roll-ups
    /// for the 24 h before the bucket of <c>until - 1 h</c>, stored hourly histograms of that day, every raw heartbeat
    /// from that bucket on (when, latency, failed: at most an hour and five minutes of rows, read from the covering index),
    /// and the newest <paramref name="newest"/> heartbeats.
    /// Rows at or after <paramref name="until"/> belong to the activation itself and are left out.
    /// </summary>
    public async Task<StoredFigures> FiguresAsync(Guid monitorId, DateTimeOffset until, int newest, CancellationToken cancellationToken = default)
    {
        var bucketTicks = Metrics.RollupSeries.BucketSize.Ticks;
        var rawSince = new DateTimeOffset((until - TimeSpan.FromHours(1)).UtcTicks / bucketTicks * bucketTicks, TimeSpan.Zero);
        var daySince = until - TimeSpan.FromHours(24);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("""
            SELECT bucket, checks, up_checks, coalesce(latency_sum_all, latency_sum), latency_min, latency_max
            FROM om_rollups_5m WHERE monitor_id = $1 AND bucket > $2 AND bucket < $3 ORDER BY bucket
            """, monitorId, daySince.UtcDateTime, rawSince.UtcDateTime));
        batch.BatchCommands.Add(Command("""
            SELECT hour, histogram FROM om_latency_hours WHERE monitor_id = $1 AND hour > $2 AND hour < $3
            """, monitorId, (daySince - TimeSpan.FromHours(1)).UtcDateTime, until.UtcDateTime));
        batch.BatchCommands.Add(Command("""
            SELECT checked_at, latency_ms, is_down
            FROM om_heartbeats WHERE monitor_id = $1 AND checked_at >= $2 AND checked_at < $3 ORDER BY checked_at
            """, monitorId, rawSince.UtcDateTime, until.UtcDateTime));
        batch.BatchCommands.Add(Command("""
            SELECT id, status, latency_ms, checked_at, is_down, message, in_maintenance FROM (
                SELECT * FROM om_heartbeats WHERE monitor_id = $1 AND checked_at < $2 ORDER BY checked_at DESC, id DESC LIMIT $3
            ) newest ORDER BY checked_at, id
            """, monitorId, until.UtcDateTime, newest));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var rollups = new List<StoredRollup>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rollups.Add(new StoredRollup(
                new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero),
                reader.GetInt32(1),
                reader.GetInt32(2),
                reader.GetInt64(3),
                reader.GetInt32(4),
                reader.GetInt32(5)));
        }

        await reader.NextResultAsync(cancellationToken);
        var hours = new Dictionary<long, byte[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hours[Metrics.LatencyWindow.HourOf(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero))] = reader.GetFieldValue<byte[]>(1);
        }

        await reader.NextResultAsync(cancellationToken);
        var raw = new List<StoredCheck>();
        while (await reader.ReadAsync(cancellationToken))
        {
            raw.Add(new StoredCheck(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.GetInt32(1), reader.GetBoolean(2)));
        }

        await reader.NextResultAsync(cancellationToken);
        var recent = await ReadHeartbeatsAsync(reader, cancellationToken);
        return new StoredFigures(until, rawSince, rollups, hours, raw, recent);
    }

    /// <summary>Removes a monitor's stored history; call after its index row is gone, so no later batch writes any.</summary>
    public async Task DeleteMonitorAsync(Guid monitorId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await HeartbeatWriteFence.HoldExclusiveAsync(connection, transaction, cancellationToken);

        await using (var command = new NpgsqlCommand("""
            WITH raw AS (DELETE FROM om_heartbeats WHERE monitor_id = $1), hours AS (DELETE FROM om_latency_hours WHERE monitor_id = $1)
            DELETE FROM om_rollups_5m WHERE monitor_id = $1
            """, connection, transaction))
        {
            command.Parameters.AddWithValue(monitorId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }

    private static async Task<IReadOnlyList<Heartbeat>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadHeartbeatsAsync(reader, cancellationToken);
    }

    private static async Task<IReadOnlyList<Heartbeat>> ReadHeartbeatsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var heartbeats = new List<Heartbeat>();
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
