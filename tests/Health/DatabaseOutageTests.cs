using System.Net;
using System.Net.Http.Json;
using Npgsql;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Health;

/// <summary>Readiness follows the database: /api/health answers 503 when PostgreSQL is gone; liveness does not care.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly MonitoringCluster _cluster = new();
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        _api = new ApiFactory(_cluster.Client);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task HealthIs503WhenTheDatabaseIsUnreachableWhileLivenessStaysUp()
    {
        var client = _api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);

        var name = new NpgsqlConnectionStringBuilder(_cluster.Database.ConnectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using (var server = NpgsqlDataSource.Create(TestDatabase.ServerConnectionString))
        await using (var drop = server.CreateCommand($"DROP DATABASE \"{name}\" WITH (FORCE)"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        var health = await client.GetAsync("/api/health");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("down", (await health.ReadJsonAsync<HealthBody>()).Database);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
