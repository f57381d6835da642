using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Probes;

/// <summary>One plain-http target with the <see cref="ProbeRoutes"/>, shared by the tests of a class (xunit runs them one after another).</summary>
public sealed class HttpServerFixture : IAsyncLifetime
{
    private LocalHttpTarget? _server;

    public LocalHttpTarget Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await ProbeRoutes.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
