using Microsoft.Extensions.Options;
using Npgsql;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Storage;

namespace OrleansMonitor.Tests.Alerting.Outbox;

/// <summary>Deliveries, outboxes and senders for the outbox's tests.</summary>
public static class OutboxKit
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static NewDelivery Delivery(
        Guid workspaceId, string destination, DateTimeOffset notBefore, string? key = null, long? incidentId = null,
        AlertEventKind kind = AlertEventKind.Opened, Guid? webhookId = null, string title = "api.example.com is down") =>
        new(
            workspaceId,
            ChannelKind.Webhook,
            destination,
            "secret",
            new AlertEvent(kind, workspaceId, incidentId, Guid.NewGuid(), title, "API", "https://api.example.com", "HTTP 503", notBefore),
            key ?? $"test:{Guid.NewGuid():N}",
            notBefore,
            webhookId);

    public static DeliveryOutbox NewOutbox(NpgsqlDataSource dataSource, TimeProvider time) =>
        new(dataSource, time, new RecordingLogger<DeliveryOutbox>());

    public static DeliverySender NewSender(
        NpgsqlDataSource dataSource, TimeProvider time, IAlertChannel channel, Action<DeliveryOptions>? configure = null,
        RecordingLogger<DeliverySender>? log = null)
    {
        var options = new DeliveryOptions { PollInterval = TimeSpan.FromSeconds(1) };
        configure?.Invoke(options);
        return new DeliverySender(
            NewOutbox(dataSource, time), [channel], Options.Create(options), new DeliveryBackoff(options), time,
            log ?? new RecordingLogger<DeliverySender>());
    }

    public static Task<short> StatusAsync(TestDatabase db, string key) =>
        db.ScalarAsync<short>("SELECT status FROM om_alert_deliveries WHERE idempotency_key = $1", key);

    public static Task<long> CountAsync(TestDatabase db, DeliveryStatus status) =>
        db.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE status = $1", (short)status);
}
