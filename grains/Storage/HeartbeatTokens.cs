using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace OrleansMonitor.Grains.Storage;

/// <summary>The om_heartbeat_tokens table: which push monitor a receiver token belongs to (stored as SHA-256).</summary>
public sealed class HeartbeatTokens(NpgsqlDataSource dataSource)
{
    /// <summary>Makes <paramref name="token"/> the monitor's only token.</summary>
    public async Task SetAsync(Guid monitorId, string token)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO om_heartbeat_tokens (token_hash, monitor_id) VALUES ($2, $1)
            ON CONFLICT (monitor_id) DO UPDATE SET token_hash = EXCLUDED.token_hash
            """);
        command.Parameters.AddWithValue(monitorId);
        command.Parameters.AddWithValue(Hash(token));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<Guid?> FindAsync(string token)
    {
        await using var command = dataSource.CreateCommand("SELECT monitor_id FROM om_heartbeat_tokens WHERE token_hash = $1");
        command.Parameters.AddWithValue(Hash(token));
        return await command.ExecuteScalarAsync() is Guid id ? id : null;
    }

    public async Task RemoveAsync(Guid monitorId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM om_heartbeat_tokens WHERE monitor_id = $1");
        command.Parameters.AddWithValue(monitorId);
        await command.ExecuteNonQueryAsync();
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
