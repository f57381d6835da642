using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansMonitor.Silo.Hosting;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// One real Orleans cluster per test collection: in-process silos with the production engine (grain storage,
/// reminders on a fresh PostgreSQL database through the ADO.NET providers), time compressed
/// 20× so a 20 s interval probes every second. Membership is the test cluster's own; PostgreSQL membership is
/// covered by the production-hosting tests.
/// </summary>
public sealed class MonitoringCluster(
    string? serverConnectionString = null,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<ISiloBuilder>? configureSilo = null) : IAsyncLifetime
{
    public const double TimeScale = 0.05;

    private TestDatabase? _database;
    private InProcessTestCluster? _cluster;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not started");

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started");

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("cluster", serverConnectionString);
        var connectionString = _database.ConnectionString;
        var values = new Dictionary<string, string?>
        {
            ["Monitoring:TimeScale"] = TimeScale.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Monitoring:ReminderPeriod"] = "00:00:05",
            ["HeartbeatWriter:FlushInterval"] = "00:00:00.100",
            ["Plans:PremiumLimits:Tokens"] = "10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMonitoringEngine(configuration, connectionString);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            // Notice a killed silo within seconds rather than the production default of tens of seconds.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
            configureSilo?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1)));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public T SiloService<T>(int silo = 0)
        where T : notnull => Cluster.Silos[silo].ServiceProvider.GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
