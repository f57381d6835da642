using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;

namespace OrleansMonitor.Tests.Alerting.Outbox;

/// <summary>AddAlertOutbox: options bound from <c>Alerting:Delivery</c> and validated, the sender one per silo and a lifecycle participant.</summary>
public sealed class AlertOutboxRegistrationTests
{
    [Fact]
    public void RegistersOneSenderAsALifecycleParticipantWithBoundOptions()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Alerting:Delivery:MaxAttempts"] = "3", ["Alerting:Delivery:PerDestinationConcurrency"] = "1" });

        var options = provider.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        Assert.Equal((3, 1, 32, TimeSpan.FromMinutes(2)), (options.MaxAttempts, options.PerDestinationConcurrency, options.Concurrency, options.Lease));
        var sender = provider.GetRequiredService<DeliverySender>();
        Assert.Contains(provider.GetServices<ILifecycleParticipant<ISiloLifecycle>>(), participant => ReferenceEquals(participant, sender));
        Assert.Same(provider.GetRequiredService<DeliveryOutbox>(), provider.GetRequiredService<DeliveryOutbox>());
    }

    [Fact]
    public void ALeaseNotLongerThanTheAttemptTimeoutIsRefused()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Alerting:Delivery:Lease"] = "00:00:10", ["Alerting:Delivery:AttemptTimeout"] = "00:00:15" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DeliveryOptions>>().Value);
        Assert.Contains("Lease must exceed AttemptTimeout", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(NpgsqlDataSource.Create("Host=127.0.0.1;Username=unused"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IAlertChannel>(new RecordingChannel());
        services.AddAlertOutbox(configuration);
        return services.BuildServiceProvider();
    }
}
