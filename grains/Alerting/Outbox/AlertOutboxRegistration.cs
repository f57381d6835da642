using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansMonitor.Grains.Alerting.Outbox;

/// <summary>Registers the delivery outbox and its per-silo sender (options from <c>Alerting:Delivery</c>).</summary>
public static class AlertOutboxRegistration
{
    /// <summary>
    /// Adds <see cref="DeliveryOptions"/> (validated at start), <see cref="DeliveryBackoff"/>, <see cref="DeliveryOutbox"/>
    /// and <see cref="DeliverySender"/> as a silo lifecycle participant. Expects an <c>NpgsqlDataSource</c>, a
    /// <see cref="TimeProvider"/> and the <see cref="IAlertChannel"/> senders to be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddAlertOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section))
            .Validate(o => o.MaxAttempts > 0 && o.Concurrency > 0 && o.PerDestinationConcurrency > 0 && o.ClaimBatch > 0,
                "Alerting:Delivery:MaxAttempts, Concurrency, PerDestinationConcurrency and ClaimBatch must be positive")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay,
                "Alerting:Delivery:FirstRetryDelay must be positive and MaxRetryDelay at least as long")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.StopTimeout >= TimeSpan.Zero,
                "Alerting:Delivery:AttemptTimeout and PollInterval must be positive")
            .Validate(o => o.Lease > o.AttemptTimeout, "Alerting:Delivery:Lease must exceed AttemptTimeout")
            .Validate(o => Enum.IsDefined(o.Jitter), "Alerting:Delivery:Jitter must be Full or Equal")
            .ValidateOnStart();
        services.AddSingleton(sp => new DeliveryBackoff(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value));
        services.AddSingleton<DeliveryOutbox>();
        services.AddSingleton<DeliverySender>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DeliverySender>());
        return services;
    }
}
