using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Team;
using static OrleansMonitor.Tests.Monoduty.MonodutyClient;

namespace OrleansMonitor.Tests.Monoduty;

/// <summary>
/// The in-app feed: PUSH_NOTIF posts reach it newest first, read state belongs to each member (one member marking all
/// read leaves the others' counts alone), paging and its limits, and another workspace's feed stays apart.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class NotificationsApiTests(MessagingClusterFixture fixture)
{
    private static readonly TimeSpan Delivered = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PushNotificationsReachTheFeedAndEachMemberKeepsTheirOwnReadState()
    {
        var owner = await fixture.NewUserAsync();
        var viewer = await fixture.NewUserAsync();
        await viewer.JoinAsync(owner, "viewer");
        var webhook = await owner.CreateWebhookAsync(new { name = "Feed", notificationTypes = new[] { "PUSH_NOTIF" } });
        await PostAsync(webhook, "A", "B", "C");

        var feed = await FeedAsync(owner.Session, 3);
        Assert.Equal(["C", "B", "A"], feed.Notifications.Select(n => n.Title));
        Assert.All(feed.Notifications, n => Assert.False(n.Read));
        Assert.Equal((3L, 3L, 1, 20), (feed.Total, feed.UnreadCount, feed.Page, feed.Limit));
        Assert.Equal(3, await UnreadAsync(viewer.Session));

        var marked = await owner.Session.PostAsync("/api/notifications/mark-all-read", null);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(new MonodutyMarked(true, 3), await marked.ReadJsonAsync<MonodutyMarked>());
        Assert.Equal(0, await UnreadAsync(owner.Session));
        Assert.All((await owner.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications")).Notifications, n => Assert.True(n.Read));
        Assert.Equal(3, await UnreadAsync(viewer.Session));
        Assert.All((await viewer.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications")).Notifications, n => Assert.False(n.Read));

        await PostAsync(webhook, "D");
        var newer = await FeedAsync(owner.Session, 4);
        Assert.Equal((1L, "D", false), (newer.UnreadCount, newer.Notifications[0].Title, newer.Notifications[0].Read));
        Assert.True(newer.Notifications[1].Read);
        Assert.Equal(1, (await (await owner.Session.PostAsync("/api/notifications/mark-all-read", null)).ReadJsonAsync<MonodutyMarked>()).Marked);
        Assert.Equal(0, (await (await owner.Session.PostAsync("/api/notifications/mark-all-read", null)).ReadJsonAsync<MonodutyMarked>()).Marked);
        Assert.Equal(4, await UnreadAsync(viewer.Session));
    }

    [Fact]
    public async Task TheFeedIsPagedNewestFirstWithItsLimitCapped()
    {
        var user = await fixture.NewUserAsync();
        var webhook = await user.CreateWebhookAsync(new { name = "Paged", notificationTypes = new[] { "PUSH_NOTIF" } });
        await PostAsync(webhook, "1", "2", "3", "4", "5");
        await FeedAsync(user.Session, 5);

        var second = await user.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications?page=2&limit=2");
        Assert.Equal(["3", "2"], second.Notifications.Select(n => n.Title));
        Assert.Equal((5L, 5L, 2, 2), (second.Total, second.UnreadCount, second.Page, second.Limit));
        Assert.Equal(["1"], (await user.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications?page=3&limit=2")).Notifications.Select(n => n.Title));
        Assert.Empty((await user.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications?page=99&limit=2")).Notifications);
        Assert.Equal(100, (await user.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications?limit=5000")).Limit);

        var badPage = await AssertErrorAsync(await user.Session.GetAsync("/api/notifications?page=0"), HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["page"], badPage.Fields!.Keys);
        var badLimit = await AssertErrorAsync(await user.Session.GetAsync("/api/notifications?limit=lots"), HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["limit"], badLimit.Fields!.Keys);
    }

    [Fact]
    public async Task AnotherWorkspacesNotificationsAreNeverShown()
    {
        var owner = await fixture.NewUserAsync();
        var outsider = await fixture.NewUserAsync();
        var webhook = await owner.CreateWebhookAsync(new { name = "Private", notificationTypes = new[] { "PUSH_NOTIF" } });
        await PostAsync(webhook, "Secret outage");
        await FeedAsync(owner.Session, 1);

        var theirs = await outsider.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications");
        Assert.Equal((0L, 0L), (theirs.Total, theirs.UnreadCount));
        Assert.Empty(theirs.Notifications);
        Assert.Equal(0, await UnreadAsync(outsider.Session));
        Assert.Equal(0, (await (await outsider.Session.PostAsync("/api/notifications/mark-all-read", null)).ReadJsonAsync<MonodutyMarked>()).Marked);
        Assert.Equal(1, await UnreadAsync(owner.Session));

        var anonymous = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        await AssertErrorAsync(await anonymous.GetAsync("/api/notifications/unread-count"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    private async Task PostAsync(MonodutyWebhook webhook, params string[] titles)
    {
        var client = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        foreach (var title in titles)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostInboundAsync(webhook, new { title })).StatusCode);
            // One at a time into the feed, so its order is the order of the posts.
            await Eventually.HoldsAsync(
                () => fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_notifications WHERE webhook_id = $1 AND title = $2", Guid.Parse(webhook.Id), title),
                count => count == 1,
                $"notification {title} in the feed",
                Delivered);
        }
    }

    private static Task<MonodutyNotificationList> FeedAsync(HttpClient client, int total) =>
        Eventually.HoldsAsync(() => client.GetJsonAsync<MonodutyNotificationList>("/api/notifications"), f => f.Total == total, $"{total} notifications in the feed", Delivered);

    private static async Task<long> UnreadAsync(HttpClient client)
    {
        var body = await client.GetJsonAsync<MonodutyUnreadCount>("/api/notifications/unread-count");
        Assert.True(body.Success);
        return body.UnreadCount;
    }
}
