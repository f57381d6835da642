using Microsoft.Extensions.Time.Testing;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;
using OrleansMonitor.Grains.Webhooks;
using OrleansMonitor.Tests.Infrastructure;
using static OrleansMonitor.Tests.Alerting.Outbox.OutboxKit;

namespace OrleansMonitor.Tests.Alerting.Channels;

/// <summary>
/// The in-app channel over a real PostgreSQL: one notification per delivery however often it is attempted, hostile
/// text cleaned, the feed capped per workspace, and nothing written for a webhook deleted meanwhile.
/// </summary>
public sealed class InAppChannelTests
{
    [Fact]
    public async Task ADeliveryBecomesOneNotificationHoweverOftenItIsAttempted()
    {
        await using var db = await TestDatabase.CreateAsync("inapp_once");
        var channel = new InAppChannel(new NotificationFeed(db.DataSource, new FakeTimeProvider(Start)));
        var workspace = Guid.NewGuid();
        var delivery = InApp(workspace, "Queue \0 stuck \ud800" + new string('x', 5000), AlertEventKind.Opened, incidentId: 42);

        var first = await channel.SendAsync(delivery, CancellationToken.None);
        var again = await channel.SendAsync(delivery with { Attempt = 2 }, CancellationToken.None);

        Assert.True(first.Succeeded, first.Error);
        Assert.True(again.Succeeded, again.Error);
        Assert.Equal(ChannelKind.InApp, channel.Kind);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM om_notifications WHERE workspace_id = $1", workspace));
        Assert.Equal(("opened", 42L), (await db.ScalarAsync<string>("SELECT kind FROM om_notifications"), await db.ScalarAsync<long>("SELECT incident_id FROM om_notifications")));
        var title = await db.ScalarAsync<string>("SELECT title FROM om_notifications");
        Assert.Equal(NotificationFeed.TitleMaxLength, title.Length);
        Assert.StartsWith("Queue \uFFFD stuck \uFFFDxxx", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFeedKeepsTheNewestThousandPerWorkspace()
    {
        await using var db = await TestDatabase.CreateAsync("inapp_cap");
        var feed = new NotificationFeed(db.DataSource, new FakeTimeProvider(Start));
        var channel = new InAppChannel(feed);
        var busy = Guid.NewGuid();
        var calm = Guid.NewGuid();
        Assert.True((await channel.SendAsync(InApp(calm, "calm"), CancellationToken.None)).Succeeded);

        for (var n = 0; n < NotificationFeed.MaxPerWorkspace + 5; n++)
        {
            Assert.True((await channel.SendAsync(InApp(busy, $"alert {n}"), CancellationToken.None)).Succeeded);
        }

        Assert.Equal((long)NotificationFeed.MaxPerWorkspace, await db.ScalarAsync<long>("SELECT count(*) FROM om_notifications WHERE workspace_id = $1", busy));
        Assert.Equal("alert 5", await db.ScalarAsync<string>("SELECT title FROM om_notifications WHERE workspace_id = $1 ORDER BY id LIMIT 1", busy));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM om_notifications WHERE workspace_id = $1", calm));
        var page = await feed.PageAsync(busy, Guid.NewGuid(), 0, 3);
        Assert.Equal(["alert 1004", "alert 1003", "alert 1002"], page.Notifications.Select(n => n.Title));
        Assert.Equal((1000L, 1000L), (page.Total, page.UnreadCount));
    }

    [Fact]
    public async Task ADeliveryOfAWebhookDeletedMeanwhileWritesNothing()
    {
        await using var db = await TestDatabase.CreateAsync("inapp_deleted");
        var clock = new FakeTimeProvider(Start);
        var outbox = NewOutbox(db.DataSource, clock);
        var channel = new InAppChannel(new NotificationFeed(db.DataSource, clock));
        var workspace = Guid.NewGuid();
        var gone = Guid.NewGuid();
        await outbox.EnqueueAsync(new NewDelivery(
            workspace, ChannelKind.InApp, workspace.ToString(), null,
            new AlertEvent(AlertEventKind.Inbound, workspace, null, null, "orphan", "Gone", "", "", Start), "orphan-key", Start, gone));
        var claimed = Assert.Single(await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1)));

        var result = await channel.SendAsync(claimed, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM om_notifications"));
    }

    private static AlertDelivery InApp(Guid workspace, string title, AlertEventKind kind = AlertEventKind.Inbound, long? incidentId = null) =>
        new(
            Guid.NewGuid(),
            ChannelKind.InApp,
            workspace.ToString(),
            null,
            new AlertEvent(kind, workspace, incidentId, null, title, "Source", "", "details", Start),
            $"test:{Guid.NewGuid():N}",
            1);
}
