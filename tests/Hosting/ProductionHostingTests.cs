using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansMonitor.Silo.Hosting;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Health;
using OrleansMonitor.Tests.Lunalytics;

namespace OrleansMonitor.Tests.Hosting;

/// <summary>
/// The deployment path end to end: a silo host exactly as the silo process builds it (membership, state and reminders
/// on PostgreSQL through the ADO.NET providers) and the API host finding it as an Orleans client through the
/// membership table.
/// </summary>
public sealed class ProductionHostingTests : IAsyncLifetime
{
    private readonly string _clusterId = "hosting-" + Guid.NewGuid().ToString("N")[..8];
    private TestDatabase _database = null!;
    private IHost _silo = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("hosting");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = _clusterId,
            ["Orleans:ServiceId"] = _clusterId,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
            ["Monitoring:TimeScale"] = "0.05",
        });
        await SiloHost.MigrateAsync(_database.ConnectionString);
        builder.AddMonitoringSilo(_database.ConnectionString);
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _silo.StopAsync();
        _silo.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ApiHostReachesTheSiloThroughPostgresMembershipAndMonitorsProbe()
    {
        await using var target = LocalTcpTarget.Start();
        await using var api = new ClusterClientApiFactory(_database.ConnectionString, _clusterId);
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

        var health = await client.GetJsonAsync<HealthBody>("/api/health");
        Assert.Equal("up", health.Database);
        var registered = await client.PostAsJsonAsync("/api/auth/register", new { email = "ops@example.test", password = "long password", name = "Ops" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var added = await client.PostAsJsonAsync("/api/monitor/add", new { name = "Postgres port", url = "127.0.0.1", type = "tcp", port = target.Port, interval = 20, retryInterval = 20, requestTimeout = 5 });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var id = (await added.ReadJsonAsync<MonitorAdded>()).MonitorId;

        var monitor = await Eventually.HoldsAsync(
            () => client.GetJsonAsync<LunalyticsMonitor>($"/api/monitor/id?monitorId={id}"),
            m => m.Heartbeats.Count >= 2,
            "two heartbeats through the production hosting path");
        Assert.Equal("ALIVE", monitor.Heartbeats[0].Status.GetString());

        Assert.Equal(1, await _database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND status = 3", _clusterId));
        Assert.Equal(1, await _database.ScalarAsync<long>("SELECT count(*) FROM orleans_reminders WHERE reminder_name = 'probe-schedule'"));
        Assert.Equal(1, await _database.ScalarAsync<long>("SELECT count(*) FROM orleans_storage WHERE convert_from(payload_binary, 'UTF8') LIKE '%Postgres port%'"));
    }
}
