using System.Net;
using System.Net.Sockets;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// A TCP server on a fixed loopback address and port (127.0.0.1 unless told) that can be stopped (connections refused)
/// and resumed on the same port, to play outages. Subclasses decide what to do with each accepted connection.
/// </summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task _accepting = Task.CompletedTask;

    protected LoopbackServer(IPAddress? address = null)
    {
        Address = address ?? IPAddress.Loopback;
        using var probe = new TcpListener(Address, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public IPAddress Address { get; }

    public int Port { get; }

    /// <summary>Listens (again) on <see cref="Port"/>.</summary>
    public void Resume()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(Address, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    /// <summary>Stops listening: new connections are refused.</summary>
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

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Handles one accepted connection; the caller disposes it afterwards.</summary>
    protected abstract Task ServeAsync(TcpClient client, CancellationToken stop);

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAndCloseAsync(client, stop);
        }
    }

    private async Task ServeAndCloseAsync(TcpClient client, CancellationToken stop)
    {
        using (client)
        {
            try
            {
                await ServeAsync(client, stop);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }
}
