using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace OrleansMonitor.Tests.Probes.Synthetic;

/// <summary>
/// A real RDAP service on 127.0.0.1: answers <c>GET {any prefix}/domain/{name}</c> with the record set for that domain
/// (404 with an RDAP error object otherwise) and records the paths asked for.
/// </summary>
public sealed class LoopbackRdapServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string ContentType, string Body)> _answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _paths = new();

    private LoopbackRdapServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        _app = builder.Build();
        _app.MapGet("/{**path}", async (HttpContext context) =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            _paths.Enqueue(path);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, context.RequestAborted);
            }

            var marker = path.LastIndexOf("/domain/", StringComparison.Ordinal);
            var domain = marker < 0 ? string.Empty : path[(marker + "/domain/".Length)..];
            var (status, contentType, body) = _answers.TryGetValue(domain, out var answer)
                ? answer
                : (StatusCodes.Status404NotFound, "application/rdap+json", """{"errorCode":404,"title":"Not Found"}""");
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body, context.RequestAborted);
        });
    }

    public string BaseUrl => _app.Urls.Single();

    /// <summary>How long each answer waits before it is sent.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The request paths received, oldest first.</summary>
    public IReadOnlyCollection<string> Paths => _paths;

    public static async Task<LoopbackRdapServer> StartAsync()
    {
        var server = new LoopbackRdapServer();
        await server._app.StartAsync();
        return server;
    }

    /// <summary>Serves a registry-style record for <paramref name="domain"/> with registration, last-changed and expiration events.</summary>
    public void Expires(string domain, DateTimeOffset expiration)
    {
        var record = new JsonObject
        {
            ["objectClassName"] = "domain",
            ["ldhName"] = domain.ToUpperInvariant(),
            ["status"] = new JsonArray("client transfer prohibited"),
            ["events"] = new JsonArray(
                Event("registration", expiration.AddYears(-5)),
                Event("last changed", expiration.AddYears(-1)),
                Event("expiration", expiration),
                Event("last update of RDAP database", expiration.AddYears(-1).AddDays(3))),
        };
        Answer(domain, StatusCodes.Status200OK, record.ToJsonString());
    }

    public void Answer(string domain, int status, string body, string contentType = "application/rdap+json") =>
        _answers[domain] = (status, contentType, body);

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }

    private static JsonObject Event(string action, DateTimeOffset date) => new()
    {
        ["eventAction"] = action,
        ["eventDate"] = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };
}
