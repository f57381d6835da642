using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;
using OrleansMonitor.Grains.Probes.Egress;

namespace OrleansMonitor.Tests.Alerting.Channels;

/// <summary>Alert events, deliveries and the shared HTTP client as the channel tests use them.</summary>
public static class Alerts
{
    public static readonly DateTimeOffset Started = new(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Occurred = Started.AddMinutes(3).AddSeconds(20);

    public static AlertEvent Opened(long? incident = null, string monitorName = "API", string cause = "HTTP 503 Service Unavailable") => new(
        AlertEventKind.Opened,
        Guid.NewGuid(),
        incident ?? NextIncident(),
        Guid.NewGuid(),
        "api.example.com is down",
        monitorName,
        "https://api.example.com/health",
        cause,
        Occurred,
        StartedAt: Started,
        DashboardUrl: "https://monitor.example.com/monitors/1",
        AcknowledgeUrl: "https://monitor.example.com/ack/abc");

    public static AlertEvent Resolved(long incident) => Opened(incident) with
    {
        Kind = AlertEventKind.Resolved,
        Title = "api.example.com is up",
        Cause = string.Empty,
        ResolvedAt = Occurred,
    };

    private static long _incidents = 1000;

    /// <summary>A fresh incident id (the incident table's ids are bigints).</summary>
    public static long NextIncident() => Interlocked.Increment(ref _incidents);

    public static AlertDelivery Delivery(ChannelKind channel, string destination, AlertEvent? alert = null, string? secret = null) => new(
        Guid.NewGuid(), channel, destination, secret, alert ?? Opened(), $"test:{Guid.NewGuid():N}", 1);

    public static ChannelHttpClient Http(TimeSpan? timeout = null, EgressPolicy? egress = null) =>
        new(egress ?? EgressPolicy.Default, Options.Create(new ChannelOptions { Timeout = timeout ?? TimeSpan.FromSeconds(10) }));
}
