using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OrleansMonitor.Silo.Hosting;

var builder = Host.CreateApplicationBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("ConnectionStrings:Postgres (env ConnectionStrings__Postgres) is required.");

await SiloHost.MigrateAsync(connectionString);
builder.AddMonitoringSilo(connectionString);
await builder.Build().RunAsync();
