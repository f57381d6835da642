using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// The per-silo writer of heartbeats: grains hand rows over without waiting, and a background loop writes them to
/// PostgreSQL in batches with binary COPY. The buffer is bounded; rows that do not fit are dropped and counted.
/// A failed batch is retried with back-off so a short database outage loses nothing that was buffered.
/// </summary>
public sealed class HeartbeatWriter : BackgroundService
{
    private readonly Channel<HeartbeatRow> _rows;
    private readonly NpgsqlDataSource _dataSource;
    private readonly HeartbeatWriterOptions _options;
    private readonly ILogger<HeartbeatWriter> _logger;
    private long _written;
    private long _dropped;
    private long _pending;

    public HeartbeatWriter(NpgsqlDataSource dataSource, IOptions<HeartbeatWriterOptions> options, ILogger<HeartbeatWriter> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _logger = logger;
        _rows = Channel.CreateBounded<HeartbeatRow>(new BoundedChannelOptions(_options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public long Written => Interlocked.Read(ref _written);

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Rows accepted but not yet written.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Queues a row; false (and counted as dropped) when the buffer is full.</summary>
    public bool Enqueue(Guid monitorId, Heartbeat heartbeat)
    {
        if (_rows.Writer.TryWrite(new HeartbeatRow(monitorId, heartbeat)))
        {
            Interlocked.Increment(ref _pending);
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Waits until every row queued before this call is written (or the timeout passes).</summary>
    public async Task<bool> FlushAsync(TimeSpan timeout)
    {
        var target = Interlocked.Read(ref _written) + Interlocked.Read(ref _pending);
        var deadline = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref _written) < target && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Interlocked.Read(ref _written) >= target;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<HeartbeatRow>(_options.BatchSize);
        var reader = _rows.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var batchDeadline = Task.Delay(_options.FlushInterval, stoppingToken);
                while (batch.Count < _options.BatchSize)
                {
                    while (batch.Count < _options.BatchSize && reader.TryRead(out var row))
                    {
                        batch.Add(row);
                    }

                    if (batch.Count >= _options.BatchSize || batchDeadline.IsCompleted)
                    {
                        break;
                    }

                    var more = reader.WaitToReadAsync(stoppingToken).AsTask();
                    if (await Task.WhenAny(more, batchDeadline) == batchDeadline || !await more)
                    {
                        break;
                    }
                }

                await WriteWithRetryAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Drain what is left on shutdown, best effort.
        while (reader.TryRead(out var row))
        {
            batch.Add(row);
        }

        if (batch.Count > 0)
        {
            using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await WriteBatchAsync(batch, drain.Token);
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or InvalidOperationException)
            {
                _logger.LogError(ex, "Could not write {Count} heartbeats during shutdown", batch.Count);
            }
        }
    }

    private async Task WriteWithRetryAsync(List<HeartbeatRow> batch, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await WriteBatchAsync(batch, stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Writing {Count} heartbeats failed; retrying in {Delay}", batch.Count, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task WriteBatchAsync(List<HeartbeatRow> batch, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // COPY into a temporary staging table so a retried batch (or a repeated id) never fails on the primary key,
        // and rows of a monitor deleted while they waited are not written.
        await using (var stage = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS om_heartbeats_stage (LIKE om_heartbeats INCLUDING DEFAULTS) ON COMMIT DELETE ROWS", connection))
        {
            await stage.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY om_heartbeats_stage (monitor_id, id, checked_at, status, latency_ms, is_down, message, in_maintenance) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var (monitorId, heartbeat) in batch)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(monitorId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(heartbeat.Id, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(heartbeat.Date.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(heartbeat.Status, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(heartbeat.Latency, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(heartbeat.IsDown, NpgsqlDbType.Boolean, cancellationToken);
                await importer.WriteAsync(heartbeat.Message, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(heartbeat.InMaintenance, NpgsqlDbType.Boolean, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // The index row is locked (key share) while its rows go in, so a monitor's delete, which removes the index row
        // before the heartbeats, waits for this transaction instead of leaving rows behind it.
        // Rows actually inserted (not repeats of a retried batch) are added to the five-minute roll-ups in the same
        // transaction, so roll-ups and raw heartbeats never disagree.
        await using (var move = new NpgsqlCommand(
            """
            WITH inserted AS (
                INSERT INTO om_heartbeats
                SELECT s.* FROM om_heartbeats_stage s
                WHERE EXISTS (SELECT 1 FROM om_monitors m WHERE m.monitor_id = s.monitor_id FOR KEY SHARE)
                ON CONFLICT (monitor_id, id) DO NOTHING
                RETURNING monitor_id, checked_at, latency_ms, is_down, in_maintenance)
            INSERT INTO om_rollups_5m AS r (monitor_id, bucket, checks, up_checks, latency_sum, latency_min, latency_max, maintenance_checks, maintenance_up_checks)
            SELECT monitor_id, date_bin('5 minutes', checked_at, TIMESTAMPTZ 'epoch'), count(*), count(*) FILTER (WHERE NOT is_down),
                   coalesce(sum(latency_ms) FILTER (WHERE NOT is_down), 0),
                   coalesce(min(latency_ms) FILTER (WHERE NOT is_down), 0),
                   coalesce(max(latency_ms) FILTER (WHERE NOT is_down), 0),
                   count(*) FILTER (WHERE in_maintenance), count(*) FILTER (WHERE in_maintenance AND NOT is_down)
            FROM inserted GROUP BY 1, 2
            ON CONFLICT (monitor_id, bucket) DO UPDATE SET
                checks = r.checks + EXCLUDED.checks,
                up_checks = r.up_checks + EXCLUDED.up_checks,
                latency_sum = r.latency_sum + EXCLUDED.latency_sum,
                latency_min = CASE WHEN r.up_checks = 0 THEN EXCLUDED.latency_min WHEN EXCLUDED.up_checks = 0 THEN r.latency_min
                                   ELSE least(r.latency_min, EXCLUDED.latency_min) END,
                latency_max = greatest(r.latency_max, EXCLUDED.latency_max),
                maintenance_checks = r.maintenance_checks + EXCLUDED.maintenance_checks,
                maintenance_up_checks = r.maintenance_up_checks + EXCLUDED.maintenance_up_checks
            """, connection, transaction))
        {
            await move.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Interlocked.Add(ref _written, batch.Count);
        Interlocked.Add(ref _pending, -batch.Count);
    }
}
