using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Silo.Hosting;

var builder = Host.CreateApplicationBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("ConnectionStrings:Postgres (env ConnectionStrings__Postgres) is required.");
var settings = builder.Configuration.GetSection("Orleans").Get<OrleansSettings>() ?? new OrleansSettings();

// The Orleans providers read their queries from the database at start-up: the schema must exist first.
await using (var migrations = NpgsqlDataSource.Create(connectionString))
{
    using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
    await new SchemaMigrator(migrations, loggers.CreateLogger<SchemaMigrator>()).MigrateAsync();
}

builder.UseOrleans(silo =>
{
    if (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null)
    {
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

await builder.Build().RunAsync();
