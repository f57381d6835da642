using Npgsql;
using OrleansMonitor.GrainInterfaces.Analytics;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.Grains.Analytics;

/// <summary>Analytics queries over om_heartbeats, om_incidents and om_monitors, always scoped to one workspace.</summary>
[StatelessWorker]
[GrainType("analytics")]
public sealed class AnalyticsGrain(NpgsqlDataSource dataSource, TimeProvider time) : Grain, IAnalyticsGrain
{
    /// <summary>Ranges up to this come from raw heartbeats; longer ones take counts and averages from the five-minute roll-ups.</summary>
    public static readonly TimeSpan RawRangeLimit = TimeSpan.FromHours(24);

    public async Task<DeviceAnalytics> DeviceAsync(Guid workspaceId, Guid deviceId, TimeSpan range)
    {
        var to = time.GetUtcNow();
        var from = to - range;
        var fromRollups = range > RawRangeLimit;
        // Counts: raw rows for short ranges; for long ones, roll-up buckets starting inside the range (the partial bucket
        // at the start is left out, the current one included). Percentiles always come from raw rows, so for ranges
        // past raw retention they cover the retained part.
        var counts = fromRollups
            ? """
              SELECT coalesce(sum(r.checks), 0)::bigint, coalesce(sum(r.checks - r.up_checks), 0)::bigint,
                     CASE WHEN sum(r.up_checks) > 0 THEN sum(r.latency_sum)::float8 / sum(r.up_checks) END
              FROM om_rollups_5m r JOIN owned o ON o.monitor_id = r.monitor_id
              WHERE r.bucket >= $3 AND r.bucket <= $4
              """
            : """
              SELECT count(*), count(*) FILTER (WHERE is_down), avg(latency_ms) FILTER (WHERE NOT is_down)::float8 FROM beats
              """;
        await using var command = dataSource.CreateCommand($"""
            WITH owned AS (SELECT monitor_id FROM om_monitors WHERE monitor_id = $1 AND workspace_id = $2),
            beats AS (
                SELECT h.latency_ms, h.is_down FROM om_heartbeats h JOIN owned o ON o.monitor_id = h.monitor_id
                WHERE h.checked_at > $3 AND h.checked_at <= $4),
            outages AS (
                SELECT greatest(i.started_at, $3) AS s, least(coalesce(i.resolved_at, $4), $4) AS e
                FROM om_incidents i JOIN owned o ON o.monitor_id = i.monitor_id
                WHERE i.started_at <= $4 AND coalesce(i.resolved_at, $4) > $3),
            counted AS ({counts})
            SELECT
                (SELECT percentile_disc(0.50) WITHIN GROUP (ORDER BY latency_ms) FROM beats WHERE NOT is_down),
                (SELECT percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms) FROM beats WHERE NOT is_down),
                (SELECT percentile_disc(0.99) WITHIN GROUP (ORDER BY latency_ms) FROM beats WHERE NOT is_down),
                (SELECT coalesce(sum(extract(epoch FROM e - s)), 0)::float8 FROM outages),
                (SELECT count(*) FROM outages)::int,
                counted.*
            FROM counted
            """);
        command.Parameters.AddWithValue(deviceId);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(from.UtcDateTime);
        command.Parameters.AddWithValue(to.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        // Columns: p50, p95, p99, downtime seconds, incidents, then counted: checks, failures, average latency.
        var checks = reader.GetInt64(5);
        var failures = reader.GetInt64(6);
        return new DeviceAnalytics(
            from,
            to,
            checks,
            failures,
            checks == 0 ? 0 : Math.Round(100.0 * (checks - failures) / checks, 4),
            Math.Round(reader.GetDouble(3), 3),
            reader.GetInt32(4),
            reader.IsDBNull(7) ? null : Math.Round(reader.GetDouble(7), 3),
            reader.IsDBNull(0) ? null : reader.GetInt32(0),
            reader.IsDBNull(1) ? null : reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetInt32(2));
    }

    public async Task<IReadOnlyList<IncidentView>> IncidentsAsync(WorkspaceAccess caller, bool? open, int limit)
    {
        // The scope is part of the query, before the limit: a member limited to some projects gets the newest
        // incidents of those projects, however many other projects have. Out of scope: devices elsewhere, and
        // incidents of devices that are gone (no project any more).
        await using var command = dataSource.CreateCommand("""
            SELECT i.id, i.monitor_id, coalesce(m.name, ''), i.started_at, i.resolved_at, i.cause, i.resolution, m.project_id,
                   i.acknowledged_at, u.email, CASE WHEN i.acknowledged_at IS NULL THEN NULL ELSE coalesce(i.acknowledged_via, 'member') END
            FROM om_incidents i LEFT JOIN om_monitors m ON m.monitor_id = i.monitor_id LEFT JOIN om_users u ON u.id = i.acknowledged_by
            WHERE i.workspace_id = $1
              AND ($2::boolean IS NULL OR ($2 AND i.resolved_at IS NULL) OR (NOT $2 AND i.resolved_at IS NOT NULL))
              AND ($4::uuid[] IS NULL OR m.project_id = ANY ($4))
            ORDER BY i.started_at DESC, i.id DESC
            LIMIT $3
            """);
        command.Parameters.AddWithValue(caller.WorkspaceId);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Boolean, (object?)open ?? DBNull.Value);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid, (object?)caller.ProjectScope?.ToArray() ?? DBNull.Value);
        var incidents = new List<IncidentView>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            incidents.Add(new IncidentView(
                reader.GetInt64(0),
                reader.GetGuid(1),
                reader.GetString(2),
                Utc(reader.GetDateTime(3)),
                reader.IsDBNull(4) ? null : Utc(reader.GetDateTime(4)),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetGuid(7),
                reader.IsDBNull(8) ? null : Utc(reader.GetDateTime(8)),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return incidents;
    }

    public async Task<IReadOnlyList<UptimeRow>> UptimeAsync(Guid workspaceId, string period, DateTimeOffset since, string timeZone = "UTC")
    {
        var unit = period switch { "day" => "day", "week" => "week", "month" => "month", _ => throw new ArgumentOutOfRangeException(nameof(period)) };
        await using var command = dataSource.CreateCommand($"""
            SELECT r.monitor_id, date_trunc('{unit}', r.bucket, $3) AS period_start,
                   sum(r.checks)::bigint, sum(r.up_checks)::bigint, sum(r.maintenance_checks)::bigint, sum(r.maintenance_up_checks)::bigint
            FROM om_rollups_5m r JOIN om_monitors m ON m.monitor_id = r.monitor_id
            WHERE m.workspace_id = $1 AND r.bucket >= $2
            GROUP BY 1, 2
            ORDER BY 2, 1
            """);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(since.UtcDateTime);
        command.Parameters.AddWithValue(timeZone);
        var rows = new List<UptimeRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new UptimeRow(reader.GetGuid(0), Utc(reader.GetDateTime(1)), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }

        return rows;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
