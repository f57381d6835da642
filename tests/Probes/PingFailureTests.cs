using System.ComponentModel;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using OrleansMonitor.Grains.Probes;

namespace OrleansMonitor.Tests.Probes;

public sealed class PingFailureTests
{
    private const string NotPermitted = "ICMP echo is not permitted for this process (needs CAP_NET_RAW or a ping binary); the device cannot be checked";

    public static TheoryData<Exception> RefusedIcmp() => new()
    {
        new PingException("An exception occurred during a Ping request.", new SocketException((int)SocketError.AccessDenied)),
        new SocketException((int)SocketError.AccessDenied),
        new PingException("An exception occurred during a Ping request.", new UnauthorizedAccessException("Access to the path is denied.")),
        new UnauthorizedAccessException(),
        new PingException("An exception occurred during a Ping request.", new PlatformNotSupportedException("The system's ping utility could not be found.")),
        new PlatformNotSupportedException(),
        new PingException("An exception occurred during a Ping request.", new Win32Exception(13, "Permission denied")),
        new PingException("An exception occurred during a Ping request.", new InvalidOperationException("socket: Operation not permitted")),
    };

    [Theory]
    [MemberData(nameof(RefusedIcmp))]
    public void RefusedIcmpIsReportedAsUnavailableNotAsDown(Exception exception)
    {
        var result = PingFailure.From(exception);

        Assert.False(result.IsUp);
        Assert.Equal("ICMP_UNAVAILABLE", result.Status);
        Assert.Equal(NotPermitted, result.Message);
    }

    [Fact]
    public void OtherSocketErrorIsDownWithItsDescription()
    {
        var result = PingFailure.From(new PingException("An exception occurred during a Ping request.", new SocketException((int)SocketError.NetworkUnreachable)));

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal("Network unreachable", result.Message);
    }

    [Fact]
    public void UnknownFailureIsDownWithTheInnermostMessage()
    {
        var result = PingFailure.From(new PingException("An exception occurred during a Ping request.", new InvalidOperationException("The ping utility exited with code 2")));

        Assert.False(result.IsUp);
        Assert.Equal("DOWN", result.Status);
        Assert.Equal("Ping failed: The ping utility exited with code 2", result.Message);
    }
}
