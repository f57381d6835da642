namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// The cluster, its database and an API host over it, started once per collection. Probes resolve names (and dns
/// monitors that name no resolver ask) with <see cref="Dns"/>, a DNS server on loopback: no test's probe ever asks
/// the machine's resolver.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public LocalDnsServer Dns { get; } = LocalDnsServer.Start();

    public MonitoringCluster Monitoring { get; private set; } = null!;

    public ApiFactory Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Monitoring = new MonitoringCluster(settings: new Dictionary<string, string?> { ["Probes:Resolver"] = Dns.Endpoint });
        await Monitoring.InitializeAsync();
        Api = new ApiFactory(Monitoring.Client);
        _ = Api.Server; // start the host now, not inside the first test
    }

    /// <summary>A new user with a session, in a workspace of their own.</summary>
    public Task<ApiUser> NewUserAsync() => ApiUser.RegisterAsync(Api);

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Monitoring.DisposeAsync();
        await Dns.DisposeAsync();
    }
}
