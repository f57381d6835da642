using System.Net;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using OrleansMonitor.Silo.Hosting;

namespace OrleansMonitor.Bench;

/// <summary>A production-configured silo (PostgreSQL membership, storage, reminders) hosted in the benchmark process.</summary>
public static class BenchSilo
{
    public static async Task<IHost> StartAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>());
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = "bench";
                o.ServiceId = "bench";
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, 21111, 40000);
            silo.UsePostgresClustering(connectionString);
            silo.AddMonitoringEngine(builder.Configuration, connectionString);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
