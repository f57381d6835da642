namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>The cluster, its database and an API host over it, started once per collection.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public MonitoringCluster Monitoring { get; } = new();

    public ApiFactory Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
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
    }
}
