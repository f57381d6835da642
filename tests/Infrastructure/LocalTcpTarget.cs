using System.Net.Sockets;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>A TCP listener on 127.0.0.1 that accepts and closes connections; can be stopped to refuse them.</summary>
public sealed class LocalTcpTarget : LoopbackServer
{
    private int _accepted;

    private LocalTcpTarget()
    {
    }

    public int Accepted => Volatile.Read(ref _accepted);

    public static LocalTcpTarget Start()
    {
        var target = new LocalTcpTarget();
        target.Resume();
        return target;
    }

    protected override Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        Interlocked.Increment(ref _accepted);
        return Task.CompletedTask;
    }
}
