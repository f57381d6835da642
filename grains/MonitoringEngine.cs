using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Hosting;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Grains.Identity;
using OrleansMonitor.Grains.Monitors;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Grains.Probes.Egress;
using OrleansMonitor.Grains.Probes.Synthetic;
using OrleansMonitor.Grains.Scheduling;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains;

/// <summary>Registers the services the grains run on: PostgreSQL access, probe runners, the heartbeat writer, warm-up.</summary>
public static class MonitoringEngine
{
    public static IServiceCollection AddMonitoringEngine(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = "orleans-monitor" }.Build());
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<MonitorOptions>().Bind(configuration.GetSection("Monitoring"));
        services.AddOptions<HeartbeatWriterOptions>().Bind(configuration.GetSection("HeartbeatWriter"))
            .Validate(o => o.Capacity > 0 && o.CapacityBytes > 0 && o.BatchSize > 0, "HeartbeatWriter:Capacity, CapacityBytes and BatchSize must be positive")
            .Validate(o => o.FlushInterval > TimeSpan.Zero && o.MaxRetryDelay > TimeSpan.Zero && o.DrainTimeout > TimeSpan.Zero,
                "HeartbeatWriter:FlushInterval, MaxRetryDelay and DrainTimeout must be positive")
            .ValidateOnStart();
        services.AddOptions<Identity.IdentityOptions>().Bind(configuration.GetSection("Identity")).ValidateOnStart();

        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<HeartbeatHistory>();
        services.AddSingleton<IncidentLog>();
        services.AddSingleton<MonitorDirectory>();
        services.AddSingleton<IdentityStore>();
        services.AddSingleton<HeartbeatTokens>();
        services.AddSingleton<Workspaces.MembershipStore>();
        services.AddOptions<Workspaces.PlansOptions>().Bind(configuration.GetSection("Plans"))
            .Validate(o => o.DefaultPlan is Workspaces.PlansOptions.Free or Workspaces.PlansOptions.Premium, "Plans:DefaultPlan must be free or premium")
            .ValidateOnStart();
        services.AddSingleton<MonitorStorage>();
        services.AddSingleton<IPasswordHasher<UserRecord>, PasswordHasher<UserRecord>>();
        services.AddSingleton<SchedulingStats>();
        services.AddSingleton<Monitors.MonitorFaults>();
        services.AddSingleton<Text.SharedStrings>(_ => new Text.SharedStrings());
        services.AddOptions<ProbeLimitsOptions>().Bind(configuration.GetSection("Probes"))
            .Validate(o => o.MaxInFlight is null or > 0, "Probes:MaxInFlight must be positive")
            .Validate(o => o.FailingShare is > 0 and <= 1, "Probes:FailingShare must be in (0, 1]")
            .Validate(o => o.MaxQueueWait > TimeSpan.Zero, "Probes:MaxQueueWait must be positive")
            .ValidateOnStart();
        services.AddSingleton<ProbeRunner>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ProbeRunner>());
        services.AddSingleton<FigureLoader>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<FigureLoader>());
        services.AddSingleton<Silos.SiloStartTime>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<Silos.SiloStartTime>());
        services.AddPlacementDirector<Silos.SiloBoundPlacement, Silos.SiloBoundPlacementDirector>();

        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection("Retention"));
        services.AddSingleton<HistoryRetention>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<HistoryRetention>());

        // A silo lifecycle participant, not a hosted service: the silo stops it only after every grain has deactivated,
        // so heartbeats grains write while deactivating are drained too.
        services.AddSingleton<HeartbeatWriter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<HeartbeatWriter>());

        services.AddOptions<EgressOptions>().Bind(configuration.GetSection(EgressOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EgressOptions>, EgressOptionsValidator>();
        services.AddSingleton(sp => new EgressPolicy(sp.GetRequiredService<IOptions<EgressOptions>>()));
        services.AddOptions<ProbeResolverOptions>().Bind(configuration.GetSection(ProbeResolverOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProbeResolverOptions>, ProbeResolverOptionsValidator>();
        services.AddSingleton(sp => new ProbeAddressResolver(sp.GetRequiredService<IOptions<ProbeResolverOptions>>()));
        services.AddSingleton<IProbe, HttpProbe>();
        services.AddSingleton<IProbe, TcpProbe>();
        services.AddSingleton<IProbe, DnsProbe>();
        services.AddSingleton<IProbe, PingProbe>();
        services.AddOptions<RdapOptions>().Bind(configuration.GetSection("Rdap"))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "Rdap:BaseUrl must be an http(s) URL")
            .Validate(o => o.CacheFor > TimeSpan.Zero, "Rdap:CacheFor must be positive")
            .ValidateOnStart();
        services.AddSingleton<RdapClient>();
        services.AddSingleton<ProbeCatalog>();

        services.AddSingleton<MonitorWarmup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<MonitorWarmup>());

        services.AddAlertChannels(configuration);
        services.AddAlertOutbox(configuration);
        services.AddOptions<AlertLinkOptions>().Bind(configuration.GetSection(AlertLinkOptions.Section))
            .Validate(
                o => o.PublicUrl.Length == 0 || (Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0),
                "Alerting:PublicUrl must be empty or an absolute http(s) URL without query or fragment")
            .Validate(o => o.AcknowledgeLinkLifetime > TimeSpan.Zero, "Alerting:AcknowledgeLinkLifetime must be positive")
            .ValidateOnStart();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<AcknowledgeLinks>();
        services.AddSingleton<IncidentAcknowledgement>();
        services.AddSingleton<IAlertSettingsSource, GrainAlertSettingsSource>();
        services.AddSingleton<IncidentAlertSweeper>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<IncidentAlertSweeper>());

        services.AddSingleton<Webhooks.WebhookStore>();
        services.AddSingleton<Webhooks.WebhookFanOut>();
        services.AddSingleton<Webhooks.NotificationFeed>();
        services.AddSingleton<IAlertChannel, InAppChannel>();

        services.AddOptions<StatusPages.StatusPageOptions>().Bind(configuration.GetSection(StatusPages.StatusPageOptions.Section))
            .Validate(o => o.DeviceRefreshPeriod > TimeSpan.Zero, "StatusPages:DeviceRefreshPeriod must be positive")
            .Validate(o => o.UpdatesKept > 0 && o.UpdatesShown > 0 && o.UpdatesShown <= o.UpdatesKept, "StatusPages:UpdatesKept and UpdatesShown must be positive, UpdatesShown at most UpdatesKept")
            .ValidateOnStart();
        services.AddSingleton<StatusPages.StatusPageStore>();
        services.AddSingleton<StatusPages.StatusPageFaults>();
        return services;
    }
}
