using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansMonitor.Tests.Probes.Egress;

/// <summary>
/// A TCP listener on one local address (e.g. the loopback alias 127.0.0.2) that counts the connections it accepts and, when
/// given an HTTP response, reads each request's head and answers with it. Used to show that a refused target saw nothing.
/// </summary>
public sealed class RecordingListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly string? _response;
    private int _connections;

    private RecordingListener(IPAddress address, int port, string? response)
    {
        _listener = new TcpListener(address, port);
        _listener.Start();
        _response = response;
        Address = address;
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public IPAddress Address { get; }

    public int Port { get; }

    /// <summary>"http://127.0.0.2:PORT/".</summary>
    public string Url => $"http://{new IPEndPoint(Address, Port)}/";

    public int AcceptedConnections => Volatile.Read(ref _connections);

    /// <summary>Listens on <paramref name="address"/> (port 0: any free one) and answers every request with <paramref name="response"/> (null: accepts only).</summary>
    public static RecordingListener Start(string address, int port = 0, string? response = null) => new(IPAddress.Parse(address), port, response);

    /// <summary>Answers "200 OK" with a short body.</summary>
    public static string Ok => "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";

    /// <summary>Answers "302 Found" to <paramref name="location"/>.</summary>
    public static string Redirect(string location) => $"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    /// <summary>
    /// Two listeners on one port number, one on each address (for a host name whose answer moves from the first to the second).
    /// Retries when the port is taken on the second address.
    /// </summary>
    public static (RecordingListener First, RecordingListener Second) StartPair(string first, string second, string? response)
    {
        for (var attempt = 0; ; attempt++)
        {
            var one = Start(first, 0, response);
            try
            {
                return (one, Start(second, one.Port, response));
            }
            catch (SocketException) when (attempt < 20)
            {
                _ = one.DisposeAsync().AsTask();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                if (_response is null)
                {
                    return;
                }

                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[4096];
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(_response), _stop.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }
}
