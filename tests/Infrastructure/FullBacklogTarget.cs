using System.Net;
using System.Net.Sockets;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// A listener on 127.0.0.1 that never accepts and whose accept queue is already full (the test holds the connections
/// that fill it): the kernel drops further SYNs, so every connect to it hangs until the caller gives up.
/// </summary>
public sealed class FullBacklogTarget : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly List<Socket> _fillers = [];

    private FullBacklogTarget()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>Connections the test holds to fill the queue (they count among the sockets open to <see cref="Port"/>).</summary>
    public int Fillers => _fillers.Count;

    public static async Task<FullBacklogTarget> StartAsync()
    {
        var target = new FullBacklogTarget();
        // Fill the queue until a connect no longer completes at once.
        for (var i = 0; i < 8; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            try
            {
                await filler.ConnectAsync(new IPEndPoint(IPAddress.Loopback, target.Port), quick.Token);
                target._fillers.Add(filler);
            }
            catch (OperationCanceledException)
            {
                filler.Dispose();
                return target;
            }
        }

        throw new InvalidOperationException("The accept queue did not fill up");
    }

    public ValueTask DisposeAsync()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
        return ValueTask.CompletedTask;
    }
}
