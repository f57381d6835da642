using System.Net.Sockets;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>A TCP server on 127.0.0.1 that accepts connections and never answers: every HTTP probe against it hangs until its timeout.</summary>
public sealed class SilentTarget : LoopbackServer
{
    private int _accepted;

    private SilentTarget()
    {
    }

    public int Accepted => Volatile.Read(ref _accepted);

    public string Url => $"http://127.0.0.1:{Port}/";

    public static SilentTarget Start()
    {
        var target = new SilentTarget();
        target.Resume();
        return target;
    }

    protected override async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        Interlocked.Increment(ref _accepted);
        await Task.Delay(Timeout.Infinite, stop);
    }
}
