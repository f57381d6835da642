using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// The real API host (its Program), served in memory and talking to the collection's cluster. <paramref name="settings"/>
/// override configuration; <paramref name="services"/> adds test services (a log capture, a remote-address filter).
/// </summary>
public sealed class ApiFactory(
    IClusterClient client,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:Client", "external");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every test registers its users from the same (in-memory) address.
        builder.UseSetting("RegistrationThrottle:AttemptsPerAddress", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(collection =>
        {
            collection.AddSingleton(client);
            collection.AddSingleton<IGrainFactory>(client);
            services?.Invoke(collection);
        });
    }
}
