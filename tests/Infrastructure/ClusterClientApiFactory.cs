using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>The real API host as it runs in production: an Orleans client that finds the silos through the PostgreSQL membership table.</summary>
public sealed class ClusterClientApiFactory(string connectionString, string clusterId) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("Orleans:ClusterId", clusterId);
        builder.UseSetting("Orleans:ServiceId", clusterId);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("RegistrationThrottle:AttemptsPerAddress", "100000");
    }
}
