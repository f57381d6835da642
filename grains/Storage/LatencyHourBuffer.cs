using Npgsql;
using NpgsqlTypes;

namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// Hourly latency histograms waiting for <c>om_latency_hours</c>, one per monitor and hour: a newer histogram of the
/// same hour replaces the waiting one, so the buffer holds at most a couple of entries per monitor and a database
/// outage costs nothing but the wait. Bounded; written by the heartbeat writer's loop between heartbeat batches.
/// Thread-safe.
/// </summary>
public sealed class LatencyHourBuffer(int capacity)
{
    private readonly Lock _gate = new();
    private Dictionary<(Guid MonitorId, long Hour), byte[]> _waiting = [];
    private long _dropped;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Histograms refused because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Keeps <paramref name="histogram"/> as the one to write for that monitor and hour; false when full.</summary>
    public bool Add(Guid monitorId, long hour, byte[] histogram)
    {
        lock (_gate)
        {
            if (_waiting.Count >= capacity && !_waiting.ContainsKey((monitorId, hour)))
            {
                Interlocked.Increment(ref _dropped);
                return false;
            }

            _waiting[(monitorId, hour)] = histogram;
            return true;
        }
    }

    /// <summary>
    /// Writes what waits in one statement (histograms of monitors no longer indexed are skipped). On failure the entries
    /// stay, unless a newer one replaced them meanwhile, and the exception propagates.
    /// </summary>
    public async Task WriteAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        Dictionary<(Guid MonitorId, long Hour), byte[]> taken;
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                return;
            }

            taken = _waiting;
            _waiting = [];
        }

        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await HeartbeatWriteFence.HoldSharedAsync(connection, transaction, cancellationToken); // a delete waits for this batch
            await using var command = new NpgsqlCommand("""
                INSERT INTO om_latency_hours (monitor_id, hour, histogram)
                SELECT h.monitor_id, h.hour, h.histogram FROM unnest($1::uuid[], $2::timestamptz[], $3::bytea[]) AS h(monitor_id, hour, histogram)
                WHERE EXISTS (SELECT 1 FROM om_monitors m WHERE m.monitor_id = h.monitor_id)
                ON CONFLICT (monitor_id, hour) DO UPDATE SET histogram = EXCLUDED.histogram
                """, connection, transaction);
            command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Uuid, taken.Keys.Select(k => k.MonitorId).ToArray());
            command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, taken.Keys.Select(k => Metrics.LatencyWindow.StartOfHour(k.Hour).UtcDateTime).ToArray());
            command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Bytea, taken.Values.ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            lock (_gate)
            {
                foreach (var (key, histogram) in taken)
                {
                    _waiting.TryAdd(key, histogram); // a newer one added meanwhile wins
                }
            }

            throw;
        }
    }
}
