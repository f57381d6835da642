using Npgsql;

namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// Orders history writes against monitor deletes with one transaction-scoped advisory lock: every batch of heartbeats
/// or latency hours holds it shared, a delete of a monitor's history holds it exclusively. A delete removes the index
/// row first, so the batches it waits for are the only ones that may have seen that row, and none after it writes any.
/// One lock per batch: locking each index row instead halved the writer's throughput at 50,000 monitors.
/// </summary>
public static class HeartbeatWriteFence
{
    private const long Key = 0x6F6D_6862_6665_6E63; // "omhbfenc"

    /// <summary>Held by a batch of history rows until <paramref name="transaction"/> ends.</summary>
    public static Task HoldSharedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        HoldAsync("SELECT pg_advisory_xact_lock_shared($1)", connection, transaction, cancellationToken);

    /// <summary>Held by a delete of a monitor's history until <paramref name="transaction"/> ends; waits for the batches under way.</summary>
    public static Task HoldExclusiveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        HoldAsync("SELECT pg_advisory_xact_lock($1)", connection, transaction, cancellationToken);

    private static async Task HoldAsync(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue(Key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
