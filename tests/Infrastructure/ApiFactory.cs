using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>The real API host (its Program), served in memory and talking to the collection's cluster.</summary>
public sealed class ApiFactory(IClusterClient client) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:Client", "external");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(client);
            services.AddSingleton<IGrainFactory>(client);
        });
    }
}
