namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// A cluster and API host over a PostgreSQL server of their own, for tests that break the database on purpose
/// (stop it, add failing triggers, hold locks) without disturbing any other test. Its egress policy also denies
/// 127.0.0.2, a loopback alias, so tests can aim monitors at a denied address that exists.
/// </summary>
public sealed class FaultClusterFixture : IAsyncLifetime
{
    public const string DeniedAddress = "127.0.0.2";

    public PostgresServer Server { get; private set; } = null!;

    public MonitoringCluster Monitoring { get; private set; } = null!;

    public ApiFactory Api { get; private set; } = null!;

    public TestDatabase Database => Monitoring.Database;

    public async Task InitializeAsync()
    {
        Server = await PostgresServer.StartAsync();
        Monitoring = new MonitoringCluster(Server.ConnectionString(), new Dictionary<string, string?> { ["Probes:Egress:Deny:0"] = DeniedAddress + "/32" });
        await Monitoring.InitializeAsync();
        Api = new ApiFactory(Monitoring.Client);
        _ = Api.Server;
    }

    public Task<ApiUser> NewUserAsync() => ApiUser.RegisterAsync(Api);

    /// <summary>Makes <paramref name="operation"/> (INSERT, UPDATE, ...) on <paramref name="table"/> fail while the returned handle lives; rows only where <paramref name="when"/> holds (SQL over NEW or OLD).</summary>
    public Task<IAsyncDisposable> RefuseAsync(string table, string operation, string when = "true") =>
        InjectAsync(table, operation, when, "RAISE EXCEPTION 'injected fault';");

    /// <summary>Makes each row of <paramref name="operation"/> on <paramref name="table"/> take <paramref name="delay"/> while the returned handle lives.</summary>
    public Task<IAsyncDisposable> SlowDownAsync(string table, string operation, TimeSpan delay, string when = "true") =>
        InjectAsync(table, operation, when, FormattableString.Invariant($"PERFORM pg_sleep({delay.TotalSeconds});"));

    private async Task<IAsyncDisposable> InjectAsync(string table, string operation, string when, string body)
    {
        var name = $"om_test_fault_{Guid.NewGuid():N}";
        var returns = operation.Contains("DELETE", StringComparison.Ordinal) ? "OLD" : "NEW";
        await Database.ExecuteAsync($"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} RETURN {returns}; END $$;
            CREATE TRIGGER {name} BEFORE {operation} ON {table} FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION {name}();
            """);
        return new Injection(Database, name, table);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Monitoring.DisposeAsync();
        await Server.DisposeAsync();
    }

    private sealed class Injection(TestDatabase database, string name, string table) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await database.ExecuteAsync($"DROP TRIGGER IF EXISTS {name} ON {table}; DROP FUNCTION IF EXISTS {name}();");
    }
}
