namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// A cluster and API host over a PostgreSQL server of their own, for tests that break the database on purpose
/// (stop it, add failing triggers, hold locks) without disturbing any other test.
/// </summary>
public sealed class FaultClusterFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public MonitoringCluster Monitoring { get; private set; } = null!;

    public ApiFactory Api { get; private set; } = null!;

    public TestDatabase Database => Monitoring.Database;

    public async Task InitializeAsync()
    {
        Server = await PostgresServer.StartAsync();
        Monitoring = new MonitoringCluster(Server.ConnectionString());
        await Monitoring.InitializeAsync();
        Api = new ApiFactory(Monitoring.Client);
        _ = Api.Server;
    }

    public Task<ApiUser> NewUserAsync() => ApiUser.RegisterAsync(Api);

    /// <summary>Makes every statement of <paramref name="operation"/> (INSERT, UPDATE, ...) on <paramref name="table"/> fail while the returned handle lives; rows only where <paramref name="when"/> holds (SQL over NEW).</summary>
    public async Task<IAsyncDisposable> RefuseAsync(string table, string operation, string when = "true")
    {
        var name = $"om_test_refuse_{Guid.NewGuid():N}";
        await Database.ExecuteAsync($"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$;
            CREATE TRIGGER {name} BEFORE {operation} ON {table} FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION {name}();
            """);
        return new Refusal(Database, name, table);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Monitoring.DisposeAsync();
        await Server.DisposeAsync();
    }

    private sealed class Refusal(TestDatabase database, string name, string table) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await database.ExecuteAsync($"DROP TRIGGER IF EXISTS {name} ON {table}; DROP FUNCTION IF EXISTS {name}();");
    }
}
