using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// Applies the versioned SQL migrations embedded in this assembly (Orleans provider schema and the project's own
/// tables), each once, in name order, inside a transaction. An advisory lock makes concurrent silos take turns.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const long LockKey = 0x4F524C4D4F4E; // "ORLMON"
    private const string ResourcePrefix = "Migrations.";

    /// <summary>The migrations this build knows, by version (file name without extension), in order.</summary>
    public static IReadOnlyList<string> KnownVersions { get; } = typeof(SchemaMigrator).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^4])
        .Order(StringComparer.Ordinal)
        .ToArray();

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS om_schema_migrations (
                    version    text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var read = new NpgsqlCommand("SELECT version FROM om_schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var newlyApplied = new List<string>();
            foreach (var version in KnownVersions.Where(v => !applied.Contains(v)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, ReadScript(version), cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO om_schema_migrations (version) VALUES ($1)", connection, transaction))
                {
                    record.Parameters.AddWithValue(version);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema migration {Version}", version);
                newlyApplied.Add(version);
            }

            return newlyApplied;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static string ReadScript(string version)
    {
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream(ResourcePrefix + version + ".sql")
            ?? throw new InvalidOperationException($"Migration {version} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
