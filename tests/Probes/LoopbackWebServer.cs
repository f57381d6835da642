using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace OrleansMonitor.Tests.Probes;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, over http or (with a certificate) https. It counts accepted TCP
/// connections and records the requests it answers.
/// </summary>
public sealed class LoopbackWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _connections;

    private LoopbackWebServer(X509Certificate2? certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.Use(next => connection =>
            {
                Interlocked.Increment(ref _connections);
                return next(connection);
            });
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        _app = builder.Build();
        _app.MapGet("/ok", () => "hello");
        _app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        _app.MapGet("/redirect", () => Results.Redirect("/status/201"));
        _app.MapGet("/redirect-loop", () => Results.Redirect("/redirect-loop"));
        _app.MapGet("/slow", async (CancellationToken aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), aborted);
            return "late";
        });
        _app.MapGet("/endless", async (HttpContext context) =>
        {
            var chunk = new byte[16 * 1024];
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        _app.MapGet("/json", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers["X-Api-Version"] = "2";
            return Results.Text(JsonBody, "application/json");
        });
        _app.MapGet("/delay/{ms:int}", async (int ms, CancellationToken aborted) =>
        {
            await Task.Delay(ms, aborted);
            return "done";
        });
        _app.MapGet("/padded/{count:int}", (int count) => Results.Text(new string(' ', count) + "tail", "text/plain"));
        _app.MapGet("/latin1", () => Results.Bytes(System.Text.Encoding.Latin1.GetBytes("caf\u00e9 au lait"), "text/plain; charset=iso-8859-1"));
        _app.MapGet("/stall", async (HttpContext context) =>
        {
            await context.Response.WriteAsync("start", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        });
        _app.Map("/echo", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            _requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path,
                context.Request.ContentType,
                body,
                context.Request.Headers["X-Probe"].FirstOrDefault()));
            return Results.Ok();
        });
    }

    /// <summary>What GET /json answers (with Cache-Control: no-store and X-Api-Version: 2).</summary>
    public const string JsonBody = """{"status":"degraded","data":{"id":7,"items":[{"id":"a-1","ok":true}],"ratio":0.5,"none":null},"dotted.key":"x"}""";

    public string BaseUrl => _app.Urls.Single();

    public int AcceptedConnections => Volatile.Read(ref _connections);

    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    public static async Task<LoopbackWebServer> StartAsync(X509Certificate2? certificate = null)
    {
        var server = new LoopbackWebServer(certificate);
        await server._app.StartAsync();
        return server;
    }

    public string Url(string path) => BaseUrl + path;

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }
}
