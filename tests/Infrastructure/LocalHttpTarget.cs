using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 whose answer can be switched (status code) and that can be stopped and
/// started again on the same port, to play an outage.
/// </summary>
public sealed class LocalHttpTarget : IAsyncDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task _accepting = Task.CompletedTask;
    private int _requests;

    private LocalHttpTarget(int port) => Port = port;

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/health";

    public int StatusCode { get; set; } = 200;

    public int Requests => Volatile.Read(ref _requests);

    public static LocalHttpTarget Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var target = new LocalHttpTarget(port);
        target.Resume();
        return target;
    }

    /// <summary>Stops listening: connections are refused.</summary>
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

    /// <summary>Listens again on the same port.</summary>
    public void Resume()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = ServeAsync(client, stop);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var received = new StringBuilder();
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, stop);
                    if (read == 0)
                    {
                        return;
                    }

                    received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                Interlocked.Increment(ref _requests);
                var status = StatusCode;
                var body = status < 400 ? "ok" : "failing";
                var reason = status switch { 200 => "OK", 500 => "Internal Server Error", 503 => "Service Unavailable", _ => "Status" };
                var response = $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), stop);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
