using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Silo.Hosting;

/// <summary>
/// A production silo host: schema migrations first, then Orleans with PostgreSQL membership, grain storage and
/// reminders. Shared by the silo process, the benchmark and the hosting tests.
/// </summary>
public static class SiloHost
{
    /// <summary>Applies the schema migrations (the Orleans providers read their queries from the database at start-up).</summary>
    public static async Task MigrateAsync(string connectionString, ILoggerFactory? loggers = null)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        using var fallback = loggers is null ? LoggerFactory.Create(logging => logging.AddConsole()) : null;
        var factory = loggers ?? fallback!;
        await new SchemaMigrator(dataSource, factory.CreateLogger<SchemaMigrator>()).MigrateAsync();
    }

    /// <summary>Configures Orleans on <paramref name="builder"/> from its configuration (sections <c>Orleans</c>, <c>Monitoring</c>, ...).</summary>
    public static HostApplicationBuilder AddMonitoringSilo(this HostApplicationBuilder builder, string connectionString)
    {
        var settings = builder.Configuration.GetSection("Orleans").Get<OrleansSettings>() ?? new OrleansSettings();
        // A flood of log lines must never stall the engine: the console logger drops writes when its queue is full.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);
        builder.UseOrleans(silo =>
        {
            if (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null)
            {
                // Cluster identity from the pod labels, endpoints from the pod IP.
                silo.UseKubernetesHosting();
            }
            else
            {
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = settings.ClusterId;
                    o.ServiceId = settings.ServiceId;
                });
                silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
            }

            silo.UsePostgresClustering(connectionString);
            silo.AddMonitoringEngine(builder.Configuration, connectionString);
        });
        return builder;
    }
}
