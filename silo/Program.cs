using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansMonitor.Grains.Scheduling;
using OrleansMonitor.Silo.Hosting;

// Every probe holds a socket; a process out of descriptors aborts at its next thread creation. Take all the kernel allows.
var descriptors = DescriptorLimit.RaiseSoftToHard();
var builder = Host.CreateApplicationBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("ConnectionStrings:Postgres (env ConnectionStrings__Postgres) is required.");

await SiloHost.MigrateAsync(connectionString);
builder.AddMonitoringSilo(connectionString);
var host = builder.Build();
host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OrleansMonitor.Silo")
    .LogInformation("Open-file limit {Limit}; at most {MaxInFlight} probes in flight", descriptors?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", host.Services.GetRequiredService<ProbeRunner>().MaxInFlight);
await host.RunAsync();
