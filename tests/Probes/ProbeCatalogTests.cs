using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Probes;

public sealed class ProbeCatalogTests
{
    [Fact]
    public void PicksTheProbeOfEachType()
    {
        var http = new HttpProbe(TimeProvider.System);
        var tcp = new TcpProbe();

        var catalog = new ProbeCatalog([tcp, http]);

        Assert.Same(http, catalog.For(MonitorType.Http));
        Assert.Same(tcp, catalog.For(MonitorType.Tcp));
        Assert.Equal([MonitorType.Http, MonitorType.Tcp], catalog.Types.Order());
    }

    [Fact]
    public void MissingTypeIsReported()
    {
        var catalog = new ProbeCatalog([new TcpProbe()]);

        Assert.False(catalog.TryGet(MonitorType.Http, out _));
        var error = Assert.Throws<InvalidOperationException>(() => catalog.For(MonitorType.Http));
        Assert.Contains("Http", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoProbesForOneTypeAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new ProbeCatalog([new TcpProbe(), new TcpProbe()]));
    }

    [Fact]
    public async Task RunsTheRequestWithTheProbeOfItsType()
    {
        var catalog = new ProbeCatalog([new HttpProbe(TimeProvider.System), new TcpProbe()]);

        var result = await catalog.RunAsync(ProbeRequests.Tcp("127.0.0.1", FreePort.Next()), CancellationToken.None);

        Assert.Equal("DOWN", result.Status);
        Assert.Equal("Connection refused", result.Message);
    }
}
