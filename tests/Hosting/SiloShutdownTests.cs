using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Hosting;

/// <summary>The silo process stopped by SIGTERM while it probes: grains deactivate, then the writer drains, then it exits.</summary>
public sealed partial class SiloShutdownTests : IAsyncLifetime
{
    private const int Monitors = 100;
    private readonly string _clusterId = "shutdown-" + Guid.NewGuid().ToString("N")[..8];
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("shutdown");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [GeneratedRegex(@"Heartbeat writer stopped after draining for .*: accepted (\d+), written (\d+), dropped (\d+), rejected (\d+), left unwritten (\d+)")]
    private static partial Regex WriterStopped();

    [Fact]
    public async Task EveryHeartbeatAcceptedBeforeSigtermIsInTheTable()
    {
        await using var target = LocalHttpTarget.Start();
        await using var silo = SiloProcess.Start(_database.ConnectionString, _clusterId, new Dictionary<string, string> { ["Monitoring:TimeScale"] = "0.05" });
        await silo.WaitForOutputAsync(line => line.Contains("Warm-up woke", StringComparison.Ordinal), "its warm-up line", TimeSpan.FromSeconds(60));

        await using (var api = new ClusterClientApiFactory(_database.ConnectionString, _clusterId))
        {
            var client = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
            var registered = await client.PostAsJsonAsync("/api/auth/register", new { email = "ops@example.test", password = "long password", name = "Ops" });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            for (var i = 0; i < Monitors; i++)
            {
                var added = await client.PostAsJsonAsync("/api/monitor/add", new { name = $"Busy {i}", url = target.Url, type = "http", interval = 20, retryInterval = 20, requestTimeout = 5 });
                Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            }

            // Under load: every monitor probes each second.
            await Eventually.HoldsAsync(() => _database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats"), n => n >= 3 * Monitors, "heartbeats to flow", TimeSpan.FromSeconds(30));
            await silo.TerminateAsync();
            Assert.Equal(0, await silo.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        }

        var line = silo.Output.SingleOrDefault(l => WriterStopped().IsMatch(l))
            ?? throw new Xunit.Sdk.XunitException("The writer printed no final line:\n" + string.Join('\n', silo.Output.TakeLast(40)));
        var figures = WriterStopped().Match(line).Groups.Values.Skip(1).Select(g => long.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray();
        var (accepted, written, dropped, rejected, unwritten) = (figures[0], figures[1], figures[2], figures[3], figures[4]);
        Assert.Equal(0, unwritten);
        Assert.Equal(0, dropped);
        Assert.Equal(0, rejected);
        Assert.Equal(accepted, written);
        Assert.Equal(accepted, await _database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats"));
    }
}
