using System.Net.Sockets;
using System.Text;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>A real HTTP/1.1 server on 127.0.0.1 whose answer can be switched (status code) and that can be stopped.</summary>
public sealed class LocalHttpTarget : LoopbackServer
{
    private int _requests;

    private LocalHttpTarget()
    {
    }

    public string Url => $"http://127.0.0.1:{Port}/health";

    public int StatusCode { get; set; } = 200;

    /// <summary>The body to answer with (UTF-8); by default "ok", or "failing" for error codes.</summary>
    public string? Body { get; set; }

    /// <summary>The Content-Type of the answer.</summary>
    public string ContentType { get; set; } = "text/plain";

    /// <summary>How long the target waits after reading a request before it answers.</summary>
    public TimeSpan Delay { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public static LocalHttpTarget Start()
    {
        var target = new LocalHttpTarget();
        target.Resume();
        return target;
    }

    protected override async Task ServeAsync(TcpClient client, CancellationToken stop)
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
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, stop);
        }

        var status = StatusCode;
        var body = Encoding.UTF8.GetBytes(Body ?? (status < 400 ? "ok" : "failing"));
        var reason = status switch { 200 => "OK", 500 => "Internal Server Error", 503 => "Service Unavailable", _ => "Status" };
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: {ContentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop);
        await stream.WriteAsync(body, stop);
    }
}
