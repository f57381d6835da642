namespace OrleansMonitor.Tests.Probes;

/// <summary>One plain-http loopback server shared by the tests of a class (xunit runs them one after another).</summary>
public sealed class HttpServerFixture : IAsyncLifetime
{
    private LoopbackWebServer? _server;

    public LoopbackWebServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await LoopbackWebServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
