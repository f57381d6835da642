using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;
using OrleansMonitor.Grains.Probes.Egress;

namespace OrleansMonitor.Tests.Alerting.Channels;

public sealed class AlertChannelRegistrationTests
{
    [Fact]
    public async Task EveryChannelButInAppIsRegisteredOnceWithItsOptionsBound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerting:Channels:Timeout"] = "00:00:03",
            ["Alerting:PagerDuty:EventsUrl"] = "http://127.0.0.1:9/v2/enqueue",
            ["Alerting:Telephony:BaseUrl"] = "http://127.0.0.1:9",
            ["Smtp:Host"] = "mail.example.com",
            ["Smtp:Port"] = "465",
            ["Smtp:From"] = "alerts@example.com",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(EgressPolicy.Default);
        services.AddAlertChannels(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var kinds = provider.GetServices<IAlertChannel>().Select(channel => channel.Kind).Order().ToList();

        Assert.Equal(Enum.GetValues<ChannelKind>().Where(kind => kind != ChannelKind.InApp), kinds);
        Assert.Equal(TimeSpan.FromSeconds(3), provider.GetRequiredService<ChannelHttpClient>().Timeout);
        Assert.Equal("http://127.0.0.1:9/v2/enqueue", provider.GetRequiredService<IOptions<PagerDutyOptions>>().Value.EventsUrl);
        var smtp = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
        Assert.Equal(("mail.example.com", 465, true), (smtp.Host, smtp.Port, smtp.UseTls));
        Assert.Equal("http://127.0.0.1:9", provider.GetRequiredService<IOptions<TelephonyGatewayOptions>>().Value.BaseUrl);
    }
}
