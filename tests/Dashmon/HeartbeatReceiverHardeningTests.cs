using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansMonitor.ApiHost.Diagnostics;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>The public heartbeat receiver: its token (the push device's only credential) never reaches a log, and a flood at one token is cut off.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HeartbeatReceiverHardeningTests(ClusterFixture fixture)
{
    private static async Task<string> HeartbeatTokenAsync(ApiUser user, string name)
    {
        var device = await user.CreateDeviceAsync(await user.DefaultProjectAsync(), new { name, type = "heartbeat", heartbeat = new { interval = 3600, grace = 60 } });
        return (await user.HeartbeatConfigAsync(device.Id)).Token;
    }

    [Fact]
    public async Task TheTokenNeverReachesAnyLogAtAnyLevel()
    {
        var logs = new CapturedLogs();
        await using var api = new ApiFactory(fixture.Monitoring.Client, services: services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddLogging(logging => logging.AddFilter<CapturedLogs>(null, LogLevel.Trace));
        });
        var user = await ApiUser.RegisterAsync(api);
        var token = await HeartbeatTokenAsync(user, "Nightly backup");
        var unknown = "unknown" + Guid.NewGuid().ToString("N");
        var anonymous = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"/api/incoming/heartbeat/{token}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"/api/incoming/heartbeat/{token}?source=cron", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync($"/api/incoming/heartbeat/{unknown}", null)).StatusCode);

        var entries = logs.Entries;
        var leaks = entries.Where(e => e.Text.Contains(token, StringComparison.Ordinal) || e.Text.Contains(unknown, StringComparison.Ordinal)).ToArray();
        Assert.True(leaks.Length == 0, "token in the logs:\n" + string.Join("\n", leaks.Select(e => $"{e.Category} {e.Level}: {e.Text}")));
        // The requests were logged, with the path redacted: the host's own line, ASP.NET Core's request log and routing.
        const string Redacted = "/api/incoming/heartbeat/***";
        Assert.Equal(3, entries.Count(e => e.Category == typeof(RequestIdMiddleware).FullName && e.Text.Contains(Redacted, StringComparison.Ordinal)));
        Assert.Contains(entries, e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.Text.Contains("Request starting", StringComparison.Ordinal) && e.Text.Contains(Redacted, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal) && e.Level == LogLevel.Debug && e.Text.Contains(Redacted, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFloodAtOneTokenIs429WhileOtherTokensGoOn()
    {
        await using var api = new ApiFactory(fixture.Monitoring.Client, new Dictionary<string, string?>
        {
            ["HeartbeatReceiver:PermitsPerToken"] = "3",
            ["HeartbeatReceiver:Window"] = "01:00:00",
        });
        var user = await ApiUser.RegisterAsync(api);
        var flooded = await HeartbeatTokenAsync(user, "Flooded");
        var quiet = await HeartbeatTokenAsync(user, "Quiet");
        var anonymous = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"/api/incoming/heartbeat/{flooded}", null)).StatusCode);
        }

        var refused = await anonymous.PostAsync($"/api/incoming/heartbeat/{flooded}", null);

        await ApiAssert.ErrorAsync(refused, HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 3600);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"/api/incoming/heartbeat/{quiet}", null)).StatusCode);

        // Made-up tokens are limited the same way, before any grain is asked.
        var guess = "guess" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync($"/api/incoming/heartbeat/{guess}", null)).StatusCode);
        }

        await ApiAssert.ErrorAsync(await anonymous.PostAsync($"/api/incoming/heartbeat/{guess}", null), HttpStatusCode.TooManyRequests, "too_many_requests");
    }
}
