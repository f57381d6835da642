using System.Net;
using System.Net.Sockets;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Probes;

public sealed class TcpProbeTests
{
    private readonly TcpProbe _probe = new();

    [Fact]
    public async Task ListeningPortIsAlive()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await _probe.RunAsync(ProbeRequests.Tcp("127.0.0.1", port), CancellationToken.None);

        Assert.True(result.IsUp, result.Message);
        Assert.Equal("ALIVE", result.Status);
        Assert.Equal("Up and running!", result.Message);
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await accepted.GetStream().ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ClosedPortIsDownWithRefusal()
    {
        var result = await _probe.RunAsync(ProbeRequests.Tcp("127.0.0.1", FreePort.Next()), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal("Connection refused", result.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(65536)]
    public async Task MissingOrInvalidPortIsDown(int? port)
    {
        var result = await _probe.RunAsync(ProbeRequests.Tcp("127.0.0.1", port), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Contains("port", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task IPv6AddressIsRefused()
    {
        var result = await _probe.RunAsync(ProbeRequests.Tcp("::1", 80), CancellationToken.None);

        Assert.False(result.IsUp);
        Assert.Equal("'::1' has no IPv4 address", result.Message);
    }
}
