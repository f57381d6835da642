using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Grains.Probes.Egress;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Probes.Egress;

/// <summary>The policy, its options and the probe resolver as <see cref="MonitoringEngine"/> registers them (nothing here touches PostgreSQL).</summary>
public sealed class EgressConfigurationTests
{
    private const string Unused = "Host=127.0.0.1;Database=unused";

    [Fact]
    public async Task EnvironmentFormConfiguresThePolicyAndTheResolverTheProbesUse()
    {
        var prefix = $"OMEGRESS{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            [prefix + "Probes__Egress__Deny__0"] = "127.0.0.2/32",
            [prefix + "Probes__Egress__Allow__0"] = "169.254.169.254",
            [prefix + "Probes__Resolver"] = "127.0.0.1:5353",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            await using var services = Services(configuration);
            services.GetRequiredService<IStartupValidator>().Validate();

            var policy = services.GetRequiredService<EgressPolicy>();
            Assert.False(policy.IsAllowed(IPAddress.Parse("127.0.0.2")));
            Assert.True(policy.IsAllowed(IPAddress.Parse("169.254.169.254")));
            Assert.False(policy.IsAllowed(IPAddress.Parse("169.254.1.1")));
            Assert.Equal(IPEndPoint.Parse("127.0.0.1:5353"), services.GetRequiredService<ProbeAddressResolver>().Server);

            await using var target = await LocalHttpTarget.StartAsync("127.0.0.2");
            var catalog = services.GetRequiredService<ProbeCatalog>();
            var http = await catalog.RunAsync(ProbeRequests.Http(target.UrlOf("/")), CancellationToken.None);
            var tcp = await catalog.RunAsync(ProbeRequests.Tcp("127.0.0.2", target.Port), CancellationToken.None);
            Assert.Equal("Egress policy refuses 127.0.0.2 (denied range 127.0.0.2/32)", http.Message);
            Assert.Equal("Egress policy refuses 127.0.0.2 (denied range 127.0.0.2/32)", tcp.Message);
            Assert.Equal(0, target.AcceptedConnections);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public async Task WithoutConfigurationOnlyTheDefaultsApplyAndTheSystemResolverIsUsed()
    {
        await using var services = Services(new ConfigurationBuilder().Build());
        services.GetRequiredService<IStartupValidator>().Validate();

        var policy = services.GetRequiredService<EgressPolicy>();
        Assert.Empty(policy.Deny);
        Assert.True(policy.IsAllowed(IPAddress.Parse("127.0.0.2")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("169.254.169.254")));
        Assert.Null(services.GetRequiredService<ProbeAddressResolver>().Server);
    }

    [Fact]
    public async Task UnparsableRangeFailsStartUpWithAClearMessage()
    {
        var configuration = Configuration(("Probes:Egress:Deny:0", "10.0.0.0/8"), ("Probes:Egress:Deny:1", "10.0.0/8"), ("Probes:Egress:Allow:0", "fe80::/200"));
        await using var services = Services(configuration);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Probes:Egress:Deny:1 is '10.0.0/8', which is not a CIDR range", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Probes:Egress:Allow:0 is 'fe80::/200', which is not a CIDR range", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnparsableResolverFailsStartUpWithAClearMessage()
    {
        await using var services = Services(Configuration(("Probes:Resolver", "dns.internal:53")));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Probes:Resolver is 'dns.internal:53', which is not a DNS server address", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(IConfiguration configuration) =>
        new ServiceCollection().AddMonitoringEngine(configuration, Unused).BuildServiceProvider();

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
