using Microsoft.Extensions.Configuration;
using OrleansMonitor.Silo.Hosting;

namespace OrleansMonitor.Bench;

/// <summary>A production-configured silo (PostgreSQL membership, storage, reminders) hosted in the benchmark process.</summary>
public static class BenchSilo
{
    public static async Task<IHost> StartAsync(string connectionString)
    {
        Grains.Scheduling.DescriptorLimit.RaiseSoftToHard();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = "bench",
            ["Orleans:ServiceId"] = "bench",
            ["Orleans:SiloPort"] = "21111",
            ["Orleans:GatewayPort"] = "40000",
        });
        await SiloHost.MigrateAsync(connectionString);
        builder.AddMonitoringSilo(connectionString);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
