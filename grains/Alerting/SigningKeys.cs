using System.Collections.Concurrent;
using System.Security.Cryptography;
using Npgsql;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// The installation's secret keys, one per purpose, in <c>om_signing_keys</c>: 256 random bits made by the first process
/// that needs one (concurrent first uses agree on the one stored), then read once per process and kept in memory. Every
/// silo of the cluster signs and verifies with the same key, and no configuration is needed.
/// </summary>
public sealed class SigningKeys(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _keys = new(StringComparer.Ordinal);

    public async Task<byte[]> KeyAsync(string purpose)
    {
        var pending = _keys.GetOrAdd(purpose, p => new Lazy<Task<byte[]>>(() => LoadAsync(p)));
        try
        {
            return await pending.Value;
        }
        catch
        {
            _keys.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(purpose, pending)); // the database was away: ask again next time
            throw;
        }
    }

    private async Task<byte[]> LoadAsync(string purpose)
    {
        await using (var insert = dataSource.CreateCommand("INSERT INTO om_signing_keys (purpose, key) VALUES ($1, $2) ON CONFLICT (purpose) DO NOTHING RETURNING key"))
        {
            insert.Parameters.AddWithValue(purpose);
            insert.Parameters.AddWithValue(RandomNumberGenerator.GetBytes(32));
            if (await insert.ExecuteScalarAsync() is byte[] made)
            {
                return made;
            }
        }

        // Stored before: read in a statement of its own (the insert's snapshot may predate a concurrent first use's row).
        await using var read = dataSource.CreateCommand("SELECT key FROM om_signing_keys WHERE purpose = $1");
        read.Parameters.AddWithValue(purpose);
        return (byte[])(await read.ExecuteScalarAsync())!;
    }
}
