using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Registers every alert channel sender as an <see cref="IAlertChannel"/> singleton (all but in-app), the one
/// <see cref="ChannelHttpClient"/> they share, and their options. The <see cref="Probes.Egress.EgressPolicy"/> the HTTP
/// channels connect under must be registered too (<see cref="MonitoringEngine"/> does).
/// </summary>
public static class AlertChannelRegistration
{
    public static IServiceCollection AddAlertChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ChannelOptions>().Bind(configuration.GetSection(ChannelOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero, "Alerting:Channels:Timeout must be positive")
            .ValidateOnStart();
        services.AddOptions<PagerDutyOptions>().Bind(configuration.GetSection(PagerDutyOptions.Section))
            .Validate(o => ChannelHttpClient.TryParseUrl(o.EventsUrl, out _), "Alerting:PagerDuty:EventsUrl must be an absolute http(s) URL")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(o => o.Port is > 0 and <= 65535, "Smtp:Port must be a TCP port")
            .ValidateOnStart();
        services.AddOptions<TelephonyGatewayOptions>().Bind(configuration.GetSection(TelephonyGatewayOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.BaseUrl) || ChannelHttpClient.TryParseUrl(o.BaseUrl, out _), "Alerting:Telephony:BaseUrl must be an absolute http(s) URL")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChannelHttpClient>();
        services.TryAddSingleton<TelephonyGateway>();
        services.AddSingleton<IAlertChannel, GenericWebhookChannel>();
        services.AddSingleton<IAlertChannel, SlackChannel>();
        services.AddSingleton<IAlertChannel, TeamsChannel>();
        services.AddSingleton<IAlertChannel, DiscordChannel>();
        services.AddSingleton<IAlertChannel, PagerDutyChannel>();
        services.AddSingleton<IAlertChannel, EmailChannel>();
        services.AddSingleton<IAlertChannel, SmsChannel>();
        services.AddSingleton<IAlertChannel, VoiceChannel>();
        return services;
    }
}
