using OrleansMonitor.GrainInterfaces.Webhooks;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Grains.Webhooks;
using OrleansMonitor.Tests.Infrastructure;
using static OrleansMonitor.Tests.Alerting.Outbox.OutboxKit;

namespace OrleansMonitor.Tests.Webhooks;

/// <summary>The statistics SQL over a real PostgreSQL: a call is successful when all its deliveries were sent, failed when one failed for good, and pending otherwise.</summary>
public sealed class WebhookStoreTests
{
    [Fact]
    public async Task StatisticsCountCallsByWhatTheirDeliveriesCameTo()
    {
        await using var db = await TestDatabase.CreateAsync("webhook_stats");
        var store = new WebhookStore(db.DataSource);
        var workspace = Guid.NewGuid();
        var webhook = await store.CreateAsync(workspace, new NewWebhook("Counted", null, [NotificationType.Sms, NotificationType.PushNotif], new WebhookTargets(null, "+15551234567", null)), Start);
        var other = await store.CreateAsync(workspace, new NewWebhook("Other", null, [NotificationType.PushNotif], WebhookTargets.None), Start);
        Assert.NotNull(webhook);
        Assert.NotNull(other);

        // sent+sent: successful; sent+failed: failed; sent+pending: pending; pending+failed: failed; no deliveries: pending.
        foreach (var statuses in new[] { new[] { DeliveryStatus.Sent, DeliveryStatus.Sent }, [DeliveryStatus.Sent, DeliveryStatus.Failed], [DeliveryStatus.Sent, DeliveryStatus.Pending], [DeliveryStatus.Pending, DeliveryStatus.Failed], [] })
        {
            var call = await store.RecordCallAsync(workspace, webhook.Id, AlertEventKind.Inbound, "t", "m", "", Start);
            for (var n = 0; n < statuses.Length; n++)
            {
                await db.ExecuteAsync(
                    """
                    INSERT INTO om_alert_deliveries (id, workspace_id, webhook_id, channel, destination, event, idempotency_key, status, not_before, created_at)
                    VALUES (gen_random_uuid(), $1, $2, 6, 'x', '{}', $3, $4, now(), now())
                    """,
                    workspace, webhook.Id, WebhookStore.CallKey(call, n == 0 ? ChannelKind.Sms : ChannelKind.InApp), (short)statuses[n]);
            }
        }

        // A delivery of the same webhook outside any call counts for nothing.
        await db.ExecuteAsync(
            "INSERT INTO om_alert_deliveries (id, workspace_id, webhook_id, channel, destination, event, idempotency_key, status, not_before, created_at) VALUES (gen_random_uuid(), $1, $2, 6, 'x', '{}', 'loose', 3, now(), now())",
            workspace, webhook.Id);

        var stats = await store.StatisticsAsync(workspace, [webhook.Id, other.Id]);
        Assert.Equal(new WebhookStatistics(5, 1, 2), stats[webhook.Id]);
        Assert.Equal(WebhookStatistics.Zero, stats[other.Id]);
        Assert.Equal(WebhookStatistics.Zero, (await store.StatisticsAsync(Guid.NewGuid(), [webhook.Id]))[webhook.Id]);
        Assert.Equal(new WebhookStatistics(5, 1, 2), (await store.GetAsync(workspace, webhook.Id))!.Statistics);
        Assert.Null(await store.GetAsync(Guid.NewGuid(), webhook.Id));
    }

    [Fact]
    public async Task ATokenFindsItsActiveWebhookOnlyAndIsStoredWithItsHash()
    {
        await using var db = await TestDatabase.CreateAsync("webhook_token");
        var store = new WebhookStore(db.DataSource);
        var workspace = Guid.NewGuid();
        var webhook = (await store.CreateAsync(workspace, new NewWebhook("Tokened", null, [NotificationType.PushNotif], WebhookTargets.None), Start))!;

        Assert.StartsWith(WebhookStore.TokenPrefix, webhook.Token, StringComparison.Ordinal);
        var found = await store.FindActiveAsync(webhook.Token);
        Assert.Equal((workspace, webhook.Id), (found?.WorkspaceId, found?.Webhook.Id));
        Assert.Null(await store.FindActiveAsync(webhook.Token + "x"));
        await db.ExecuteAsync("UPDATE om_webhooks SET status = 1 WHERE id = $1", webhook.Id);
        Assert.Null(await store.FindActiveAsync(webhook.Token));
    }
}
