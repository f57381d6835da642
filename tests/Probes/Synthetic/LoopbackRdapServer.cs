using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Probes.Synthetic;

/// <summary>
/// A real RDAP service on a <see cref="LocalHttpTarget"/>: answers <c>GET {any prefix}/domain/{name}</c> with the
/// record set for that domain (404 with an RDAP error object otherwise); the target records the paths asked for.
/// </summary>
public sealed class LoopbackRdapServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (int Status, string ContentType, string Body)> _answers = new(StringComparer.OrdinalIgnoreCase);
    private LocalHttpTarget? _target;

    private LoopbackRdapServer()
    {
    }

    public string BaseUrl => Target.BaseUrl;

    /// <summary>How long each answer waits before it is sent.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The request paths received, oldest first.</summary>
    public IReadOnlyCollection<string> Paths => [.. Target.Received.Select(request => request.Path)];

    private LocalHttpTarget Target => _target ?? throw new InvalidOperationException("The server has not started.");

    public static async Task<LoopbackRdapServer> StartAsync()
    {
        var server = new LoopbackRdapServer();
        server._target = await LocalHttpTarget.StartAsync(routes: routes => routes.MapGet("/{**path}", server.AnswerAsync));
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
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }

    private static JsonObject Event(string action, DateTimeOffset date) => new()
    {
        ["eventAction"] = action,
        ["eventDate"] = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    private async Task AnswerAsync(HttpContext context)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        var path = context.Request.Path.Value ?? string.Empty;
        var marker = path.LastIndexOf("/domain/", StringComparison.Ordinal);
        var domain = marker < 0 ? string.Empty : path[(marker + "/domain/".Length)..];
        var (status, contentType, body) = _answers.TryGetValue(domain, out var answer)
            ? answer
            : (StatusCodes.Status404NotFound, "application/rdap+json", """{"errorCode":404,"title":"Not Found"}""");
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
