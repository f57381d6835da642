using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// A fresh database on the throwaway PostgreSQL server that ./test.sh starts (its connection string arrives in
/// <c>ConnectionStrings__Postgres</c>), with every migration applied.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string connectionString, NpgsqlDataSource dataSource)
    {
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
        ?? throw new InvalidOperationException(
            "ConnectionStrings__Postgres is not set. Run the suite with ./test.sh, which starts a throwaway PostgreSQL.");

    /// <summary>A fresh database on <paramref name="serverConnectionString"/> (default: the suite's shared server).</summary>
    public static async Task<TestDatabase> CreateAsync(string purpose, string? serverConnectionString = null)
    {
        var name = $"om_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        serverConnectionString ??= ServerConnectionString;
        await using (var server = NpgsqlDataSource.Create(serverConnectionString))
        await using (var create = server.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = true }.ConnectionString;
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        return new TestDatabase(connectionString, dataSource);
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
