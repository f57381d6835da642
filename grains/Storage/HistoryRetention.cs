using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// Removes history past its retention in batched deletes: raw heartbeats, roll-ups, hourly latency histograms, and alert
/// history (deliveries that are finished, webhook calls, ended flapping episodes). One silo at a time does it (a PostgreSQL advisory
/// lock); the others skip the pass. A delivery still pending or in flight is never removed, however old.
/// </summary>
public sealed class HistoryRetention(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options, TimeProvider time, ILogger<HistoryRetention> logger)
    : BackgroundService
{
    private const long LockKey = 0x4F4D_5245_5445_4E; // "OMRETEN"
    private readonly RetentionOptions _options = options.Value;

    /// <summary>One pass: returns (raw heartbeats, roll-ups, alert history rows) removed, or null when another silo holds the lock.</summary>
    public async Task<(long Raw, long Rollups, long Alerts)?> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection))
        {
            if (await lockCommand.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return null;
            }
        }

        try
        {
            var now = time.GetUtcNow();
            var raw = await DeleteInBatchesAsync(connection, "om_heartbeats", "checked_at", "monitor_id, id", now - _options.RawHeartbeats, cancellationToken);
            var rollups = await DeleteInBatchesAsync(connection, "om_rollups_5m", "bucket", "monitor_id, bucket", now - _options.Rollups, cancellationToken);
            // Hourly latency histograms only serve the rebuild of a monitor's last 24 h.
            await DeleteInBatchesAsync(connection, "om_latency_hours", "hour", "monitor_id, hour", now - TimeSpan.FromDays(2), cancellationToken);
            var alerts = await DeleteInBatchesAsync(connection, "om_alert_deliveries", "completed_at", "id", now - _options.AlertHistory, cancellationToken)
                + await DeleteInBatchesAsync(connection, "om_webhook_calls", "created_at", "id", now - _options.AlertHistory, cancellationToken)
                + await DeleteInBatchesAsync(connection, "om_flapping", "ended_at", "id", now - _options.AlertHistory, cancellationToken);
            return (raw, rollups, alerts);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) is { } removed && removed.Raw + removed.Rollups + removed.Alerts > 0)
                {
                    logger.LogInformation("Retention removed {Raw} heartbeats, {Rollups} roll-ups and {Alerts} rows of alert history", removed.Raw, removed.Rollups, removed.Alerts);
                }

                await Task.Delay(_options.Every, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(ex, "Retention pass failed; retrying at the next one");
                await Task.Delay(_options.Every, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<long> DeleteInBatchesAsync(NpgsqlConnection connection, string table, string timeColumn, string key, DateTimeOffset before, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(
                $"DELETE FROM {table} WHERE ({key}) IN (SELECT {key} FROM {table} WHERE {timeColumn} < $1 LIMIT $2)", connection);
            command.Parameters.AddWithValue(before.UtcDateTime);
            command.Parameters.AddWithValue(_options.BatchSize);
            var removed = await command.ExecuteNonQueryAsync(cancellationToken);
            total += removed;
            if (removed < _options.BatchSize)
            {
                return total;
            }
        }
    }
}
