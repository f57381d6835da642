using Orleans.Configuration;
using Orleans.Hosting;

namespace OrleansMonitor.ApiHost.Hosting;

/// <summary>
/// Connects the API host to the cluster as an Orleans client, finding gateways through the PostgreSQL membership
/// table. A host that already provides an <see cref="IClusterClient"/> (tests with an in-process cluster) sets
/// <c>Orleans:Client</c> to <c>external</c>.
/// </summary>
public static class OrleansClientSetup
{
    public static WebApplicationBuilder AddMonitoringClusterClient(this WebApplicationBuilder builder)
    {
        if (string.Equals(builder.Configuration["Orleans:Client"], "external", StringComparison.OrdinalIgnoreCase))
        {
            return builder;
        }

        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres (env ConnectionStrings__Postgres) is required.");
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = builder.Configuration["Orleans:ClusterId"] ?? "orleans-monitor";
                o.ServiceId = builder.Configuration["Orleans:ServiceId"] ?? "orleans-monitor";
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
            client.UseConnectionRetryFilter<ClusterConnectRetry>();
        });
        return builder;
    }
}
