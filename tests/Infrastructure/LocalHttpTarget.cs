using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// The tests' one HTTP target: a real Kestrel server (HTTP/1.1, or HTTPS with a certificate) on a loopback address and
/// port. Every request is counted and recorded. Requests that no extra route takes get the canned answer, which a test
/// may switch at any time (status, body, content type, headers, a delay before answering). It can be stopped
/// (connections refused) and resumed on the same port, to play outages, and it counts the TCP connections it accepts.
/// </summary>
public sealed class LocalHttpTarget : IAsyncDisposable
{
    private readonly X509Certificate2? _certificate;
    private readonly Action<IEndpointRouteBuilder>? _routes;
    private readonly ConcurrentQueue<RecordedRequest> _received = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;
    private CancellationTokenSource? _stopping;
    private int _requests;
    private int _connections;

    private LocalHttpTarget(IPAddress address, int port, X509Certificate2? certificate, Action<IEndpointRouteBuilder>? routes)
    {
        Address = address;
        Port = port;
        _certificate = certificate;
        _routes = routes;
    }

    public IPAddress Address { get; }

    /// <summary>The port, kept across <see cref="StopAsync"/> and <see cref="Resume"/>.</summary>
    public int Port { get; private set; }

    /// <summary>"http://127.0.0.1:PORT" (https with a certificate; "[::1]" for IPv6).</summary>
    public string BaseUrl => $"{(_certificate is null ? "http" : "https")}://{new IPEndPoint(Address, Port)}";

    /// <summary>The canned answer's address: <c>/health</c> on <see cref="BaseUrl"/>.</summary>
    public string Url => BaseUrl + "/health";

    /// <summary>The canned answer's status code.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>The canned answer's body (UTF-8); by default "ok", or "failing" for error codes; none for 204 and 304.</summary>
    public string? Body { get; set; }

    /// <summary>The canned answer's Content-Type.</summary>
    public string ContentType { get; set; } = "text/plain";

    /// <summary>Further headers of the canned answer (a <c>Location</c> makes a 3xx a redirect).</summary>
    public ConcurrentDictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the target waits after reading a request before it answers (canned answers).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Requests received, on any route.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The requests received, oldest first.</summary>
    public IReadOnlyCollection<RecordedRequest> Received => _received;

    /// <summary>TCP connections accepted (also those refused later, e.g. by a failed TLS handshake).</summary>
    public int AcceptedConnections => Volatile.Read(ref _connections);

    /// <summary>An absolute URL on this target.</summary>
    public string UrlOf(string path) => BaseUrl + path;

    /// <summary>A target on 127.0.0.1 and a free port answering every request with the canned answer.</summary>
    public static LocalHttpTarget Start() => Task.Run(() => StartAsync()).GetAwaiter().GetResult();

    /// <summary>
    /// A target on <paramref name="address"/> (default 127.0.0.1) and <paramref name="port"/> (0: a free one), over HTTPS
    /// when given a <paramref name="certificate"/>, with the extra <paramref name="routes"/> before the canned answer.
    /// </summary>
    public static async Task<LocalHttpTarget> StartAsync(
        string address = "127.0.0.1", int port = 0, X509Certificate2? certificate = null, Action<IEndpointRouteBuilder>? routes = null)
    {
        var target = new LocalHttpTarget(IPAddress.Parse(address), port, certificate, routes);
        await target.ListenAsync();
        return target;
    }

    /// <summary>Listens again on <see cref="Port"/> after <see cref="StopAsync"/>.</summary>
    public void Resume() => Task.Run(ListenAsync).GetAwaiter().GetResult();

    /// <summary>Stops listening: answers under way are cut off and new connections are refused.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_app is null)
            {
                return;
            }

            await _stopping!.CancelAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _app.StopAsync(grace.Token);
            await _app.DisposeAsync();
            _stopping.Dispose();
            _app = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _gate.Dispose();
    }

    private async Task ListenAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_app is not null)
            {
                return;
            }

            var stopping = new CancellationTokenSource();
            var app = Build(stopping.Token);
            await app.StartAsync();
            Port = new Uri(app.Urls.Single()).Port;
            (_app, _stopping) = (app, stopping);
        }
        finally
        {
            _gate.Release();
        }
    }

    private WebApplication Build(CancellationToken stopping)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(Address, Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.Use(next => connection =>
                {
                    Interlocked.Increment(ref _connections);
                    return next(connection);
                });
                if (_certificate is not null)
                {
                    listen.UseHttps(_certificate);
                }
            });
        });
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref _requests);
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            _received.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.ContentType,
                body,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            if (context.GetEndpoint() is null)
            {
                await AnswerAsync(context, stopping);
            }
            else
            {
                await next(context);
            }
        });
        _routes?.Invoke(app);
        return app;
    }

    private async Task AnswerAsync(HttpContext context, CancellationToken stopping)
    {
        if (Delay > TimeSpan.Zero)
        {
            using var cut = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
            try
            {
                await Task.Delay(Delay, cut.Token);
            }
            catch (OperationCanceledException)
            {
                context.Abort(); // stopped while waiting: the connection closes without an answer
                return;
            }
        }

        var status = StatusCode;
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.Headers.Connection = "close";
        foreach (var (name, value) in Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (status is 204 or 304)
        {
            return; // answers that carry no body
        }

        var body = Encoding.UTF8.GetBytes(Body ?? (status < 400 ? "ok" : "failing"));
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
