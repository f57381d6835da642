using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using OrleansMonitor.Grains.Metrics;

namespace OrleansMonitor.Bench;

/// <summary>
/// Gives every benchmark monitor a full history before a restart is measured, written straight into PostgreSQL as the
/// engine would have left it: a raw heartbeat every interval (the heartbeat table's indexes are dropped while it loads
/// and rebuilt after, exactly as the migrations define them), the matching five-minute roll-ups and an hourly latency
/// histogram per hour. Only times before <c>before</c> are written, so nothing collides with what the run itself stored.
/// </summary>
public static class HistorySeeder
{
    public static async Task SeedAsync(string connectionString, IReadOnlyList<Guid> monitors, int intervalSeconds, TimeSpan span, DateTimeOffset before)
    {
        var watch = Stopwatch.StartNew();
        await using var dataSource = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { CommandTimeout = 0 } }.Build();
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'; SET synchronous_commit = off; CREATE TEMP TABLE bench_monitors (monitor_id uuid, phase_ms bigint)");
        await using (var import = await connection.BeginBinaryImportAsync("COPY bench_monitors (monitor_id, phase_ms) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < monitors.Count; i++)
            {
                await import.StartRowAsync();
                await import.WriteAsync(monitors[i], NpgsqlDbType.Uuid);
                await import.WriteAsync((long)(i * 7919 % (intervalSeconds * 1000)), NpgsqlDbType.Bigint);
            }

            await import.CompleteAsync();
        }

        var from = before - span;
        var indexes = new List<string>();
        await using (var read = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'om_heartbeats'", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(1));
            }
        }

        await ExecuteAsync(connection, "ALTER TABLE om_heartbeats DROP CONSTRAINT om_heartbeats_pkey");
        foreach (var index in indexes.Where(i => !i.Contains("om_heartbeats_pkey", StringComparison.Ordinal)))
        {
            await ExecuteAsync(connection, "DROP INDEX " + index.Split(' ')[2 + (index.StartsWith("CREATE UNIQUE", StringComparison.Ordinal) ? 1 : 0)]);
        }

        // Hour by hour, so no statement runs for long; a heartbeat every interval from each monitor's phase.
        for (var hour = from; hour < before; hour += TimeSpan.FromHours(1))
        {
            var end = hour + TimeSpan.FromHours(1) < before ? hour + TimeSpan.FromHours(1) : before;
            await ExecuteAsync(connection, $"""
                INSERT INTO om_heartbeats (monitor_id, id, checked_at, status, latency_ms, is_down, message, in_maintenance)
                SELECT m.monitor_id, t.ms + m.phase_ms, to_timestamp((t.ms + m.phase_ms) / 1000.0), '200', 20 + ((t.ms / 1000) % 11)::int, false, '200 - OK', false
                FROM generate_series({Ms(hour)}::bigint, {Ms(end)}::bigint - 1, {intervalSeconds * 1000}::bigint) AS t(ms)
                CROSS JOIN bench_monitors m
                WHERE t.ms + m.phase_ms < {Ms(end)}
                """);
            Console.WriteLine($"  history: raw heartbeats up to {end:u} ({watch.Elapsed.TotalMinutes:F1} min)");
        }

        foreach (var index in indexes)
        {
            await ExecuteAsync(connection, index);
        }

        await ExecuteAsync(connection, "ALTER TABLE om_heartbeats ADD CONSTRAINT om_heartbeats_pkey PRIMARY KEY USING INDEX om_heartbeats_pkey");
        Console.WriteLine($"  history: heartbeat indexes rebuilt ({watch.Elapsed.TotalMinutes:F1} min)");

        var checks = 300 / intervalSeconds;
        await ExecuteAsync(connection, $"""
            INSERT INTO om_rollups_5m (monitor_id, bucket, checks, up_checks, latency_sum, latency_min, latency_max, maintenance_checks, maintenance_up_checks, latency_sum_all)
            SELECT m.monitor_id, b, {checks}, {checks}, {checks * 25}, 20, 30, 0, 0, {checks * 25}
            FROM generate_series(date_bin('5 minutes', {Ts(from)}, TIMESTAMPTZ 'epoch'), {Ts(before)} - interval '5 minutes', interval '5 minutes') AS b
            CROSS JOIN bench_monitors m
            ON CONFLICT DO NOTHING
            """);

        var histogram = new LatencyWindow();
        for (var i = 0; i < 3600 / intervalSeconds; i++)
        {
            histogram.Record(DateTimeOffset.UnixEpoch.AddSeconds(i * intervalSeconds), 20 + (i % 11));
        }

        await using (var hours = new NpgsqlCommand($"""
            INSERT INTO om_latency_hours (monitor_id, hour, histogram)
            SELECT m.monitor_id, h, $1 FROM generate_series(date_trunc('hour', {Ts(from)}), {Ts(before)} - interval '1 hour', interval '1 hour') AS h
            CROSS JOIN bench_monitors m
            ON CONFLICT DO NOTHING
            """, connection))
        {
            hours.Parameters.AddWithValue(NpgsqlDbType.Bytea, histogram.ExportHour(0)!);
            await hours.ExecuteNonQueryAsync();
        }

        // As a database in steady state would be: autovacuum has been through the old rows (visibility map set).
        foreach (var table in new[] { "om_heartbeats", "om_rollups_5m", "om_latency_hours" })
        {
            await ExecuteAsync(connection, "VACUUM ANALYZE " + table);
        }

        // A day of history written in minutes leaves tens of GB dirty in the page cache; a database that grew over a
        // day would have written them long ago. Flush them before the restart is timed, or it measures the disk.
        await ExecuteAsync(connection, "CHECKPOINT");
        using (var sync = Process.Start("sync"))
        {
            await sync!.WaitForExitAsync();
        }

        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM om_heartbeats), (SELECT count(*) FROM om_rollups_5m), (SELECT count(*) FROM om_latency_hours), pg_size_pretty(pg_database_size(current_database()))", connection);
        await using var figures = await count.ExecuteReaderAsync();
        await figures.ReadAsync();
        Console.WriteLine($"history: {figures.GetInt64(0):N0} raw heartbeats, {figures.GetInt64(1):N0} roll-ups, {figures.GetInt64(2):N0} hourly histograms ({figures.GetString(3)}) written in {watch.Elapsed.TotalMinutes:F1} min");
    }

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Ts(DateTimeOffset at) => $"to_timestamp({at.ToUnixTimeMilliseconds()} / 1000.0)";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
