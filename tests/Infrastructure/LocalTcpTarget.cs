using System.Net;
using System.Net.Sockets;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>A TCP listener on a loopback address (127.0.0.1 unless told) that accepts and closes connections; can be stopped to refuse them.</summary>
public sealed class LocalTcpTarget : LoopbackServer
{
    private int _accepted;

    private LocalTcpTarget(IPAddress address)
        : base(address)
    {
    }

    public int Accepted => Volatile.Read(ref _accepted);

    public static LocalTcpTarget Start(string address = "127.0.0.1")
    {
        var target = new LocalTcpTarget(IPAddress.Parse(address));
        target.Resume();
        return target;
    }

    protected override Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        Interlocked.Increment(ref _accepted);
        return Task.CompletedTask;
    }
}
