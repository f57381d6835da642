using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansMonitor.Grains;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Silo.Hosting;

/// <summary>The silo parts every host of the engine shares (the silo process, test clusters, the benchmark).</summary>
public static class MonitoringSilo
{
    public const string Invariant = "Npgsql";

    /// <summary>Grain storage and reminders on PostgreSQL, and the engine's services. Clustering is the caller's choice.</summary>
    public static ISiloBuilder AddMonitoringEngine(this ISiloBuilder silo, IConfiguration configuration, string connectionString)
    {
        silo.AddAdoNetGrainStorage(StorageNames.Monitors, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        // Plain JSON state (no CLR type names), so renaming a type never strands stored monitors.
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.Services.AddMonitoringEngine(configuration, connectionString);
        silo.AddIncomingGrainCallFilter<StorageFaultFilter>();
        return silo;
    }

    /// <summary>Membership on PostgreSQL (the ADO.NET clustering provider).</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder silo, string connectionString) =>
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
}
