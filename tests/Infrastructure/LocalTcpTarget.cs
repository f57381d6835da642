using System.Net;
using System.Net.Sockets;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>A TCP listener on 127.0.0.1 that accepts and closes connections; can be stopped to refuse them.</summary>
public sealed class LocalTcpTarget : IAsyncDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task _accepting = Task.CompletedTask;
    private int _accepted;

    private LocalTcpTarget(int port) => Port = port;

    public int Port { get; }

    public int Accepted => Volatile.Read(ref _accepted);

    public static LocalTcpTarget Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var target = new LocalTcpTarget(port);
        target.Resume();
        return target;
    }

    public void Resume()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        var listener = _listener;
        var stop = _stop.Token;
        _accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await listener.AcceptTcpClientAsync(stop);
                    Interlocked.Increment(ref _accepted);
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    return;
                }
            }
        });
    }

    public async Task StopAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _listener = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
