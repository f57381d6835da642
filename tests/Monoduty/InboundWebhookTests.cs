using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;
using static OrleansMonitor.Tests.Monoduty.MonodutyClient;

namespace OrleansMonitor.Tests.Monoduty;

/// <summary>
/// Posts to inbound URLs through the real host and silo: one post becomes one call and a delivery per channel that
/// really arrives (a loopback SMTP server, a loopback SMS gateway, the in-app feed), and the statistics count the call
/// as successful or failed from what the outbox recorded. Unknown, deleted and disabled webhooks answer 404; bodies
/// are capped, hostile text is cleaned, and each token is rate-limited.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class InboundWebhookTests(MessagingClusterFixture fixture)
{
    private static readonly TimeSpan Delivered = TimeSpan.FromSeconds(30);

    private HttpClient Anonymous() => fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    [Fact]
    public async Task AnInboundPostReachesEveryChannelAndCountsAsSuccessful()
    {
        var user = await fixture.NewUserAsync();
        var email = $"oncall-{Guid.NewGuid():N}@company.test";
        var number = "+1555" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var webhook = await user.CreateWebhookAsync(new
        {
            name = "Everything",
            notificationTypes = new[] { "EMAIL", "SMS", "CALL", "PUSH_NOTIF" },
            targetChannels = new { email, sms = number },
        });

        var response = await Anonymous().PostInboundAsync(webhook, new { title = "Disk almost full", message = "db-1: /var at 97%", severity = "critical" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadJsonAsync<MonodutyDeliveries>();
        Assert.True(accepted.Success);
        Assert.Equal(4, accepted.DeliveryIds.Distinct().Count());

        var mail = await Eventually.HoldsAsync(
            () => Task.FromResult(fixture.Smtp.Received.Where(m => m.Message.To.Mailboxes.Any(a => a.Address == email)).ToList()),
            mails => mails.Count >= 1, "the email at the SMTP server", Delivered);
        Assert.Contains("Disk almost full", Assert.Single(mail).Message.Subject, StringComparison.Ordinal);
        var calls = await Eventually.HoldsAsync(
            () => Task.FromResult(GatewayPostsTo(number)), posts => posts.Count >= 2, "the SMS and the call at the gateway", Delivered);
        Assert.Equal(["Calls.json", "Messages.json"], calls.Select(c => c.Path.Split('/')[^1]).Order(StringComparer.Ordinal));
        var sms = HttpUtility.ParseQueryString(calls.Single(c => c.Path.EndsWith("Messages.json", StringComparison.Ordinal)).Body)["Body"];
        Assert.Contains("[critical] Disk almost full", sms, StringComparison.Ordinal);
        var feed = await Eventually.HoldsAsync(
            () => user.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications"), f => f.Total == 1, "the notification in the feed", Delivered);
        var notification = Assert.Single(feed.Notifications);
        Assert.Equal(("[critical] Disk almost full", "db-1: /var at 97%", "inbound", false, webhook.Id), (notification.Title, notification.Message, notification.Kind, notification.Read, notification.WebhookId));

        var statistics = await Eventually.HoldsAsync(
            async () => (await user.WebhookAsync(webhook.Id)).Statistics, s => s.SuccessfulCalls == 1, "the call to count as successful", Delivered);
        Assert.Equal(new MonodutyWebhookStatistics(1, 1, 0), statistics);
        Assert.Equal(4L, await fixture.Monitoring.Database.ScalarAsync<long>(
            "SELECT count(*) FROM om_alert_deliveries WHERE webhook_id = $1 AND status = 2 AND event->>'Kind' = '6'", Guid.Parse(webhook.Id)));
    }

    [Fact]
    public async Task ACallWithAChannelThatFailsForGoodCountsAsFailedAndTestsCountToo()
    {
        var user = await fixture.NewUserAsync();
        var webhook = await user.CreateWebhookAsync(new
        {
            name = "Half broken",
            notificationTypes = new[] { "SMS", "PUSH_NOTIF" },
            targetChannels = new { sms = MessagingClusterFixture.FailingNumber },
        });

        Assert.Equal(HttpStatusCode.Accepted, (await Anonymous().PostInboundAsync(webhook, new { title = "First" })).StatusCode);
        var failed = await Eventually.HoldsAsync(
            async () => (await user.WebhookAsync(webhook.Id)).Statistics, s => s.FailedCalls == 1, "the call to count as failed", Delivered);
        Assert.Equal(new MonodutyWebhookStatistics(1, 0, 1), failed);

        var test = await user.Session.PostAsync($"/api/webhooks/{webhook.Id}/test", null);
        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        var tested = await test.ReadJsonAsync<MonodutyDeliveries>();
        Assert.Equal(2, tested.DeliveryIds.Count);
        var both = await Eventually.HoldsAsync(
            async () => (await user.WebhookAsync(webhook.Id)).Statistics, s => s.FailedCalls == 2, "the test call to count as failed too", Delivered);
        Assert.Equal(new MonodutyWebhookStatistics(2, 0, 2), both);
        var feed = await Eventually.HoldsAsync(
            () => user.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications"), f => f.Total == 2, "both notifications in the feed", Delivered);
        Assert.Equal(["test", "inbound"], feed.Notifications.Select(n => n.Kind));
        Assert.Equal("Test notification from Half broken", feed.Notifications[0].Title[("[test] ".Length)..]);

        // The webhook's delivery history: both calls' deliveries, newest first, the refused number masked.
        var history = await user.Session.GetJsonAsync<System.Text.Json.JsonElement>($"/api/webhooks/{webhook.Id}/deliveries");
        var deliveries = history.GetProperty("deliveries").EnumerateArray().ToArray();
        Assert.Equal(4, history.GetProperty("total").GetInt32());
        Assert.Equal(["test", "test", "inbound", "inbound"], deliveries.Select(d => d.GetProperty("event").GetString()));
        var sms = deliveries.Where(d => d.GetProperty("channel").GetString() == "sms").ToArray();
        Assert.Equal(2, sms.Length);
        Assert.All(sms, d => Assert.Equal(("failed", 400, "••••••••0400"), (d.GetProperty("status").GetString(), d.GetProperty("last_status_code").GetInt32(), d.GetProperty("destination").GetString())));
        var outsider = await fixture.NewUserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Session.GetAsync($"/api/webhooks/{webhook.Id}/deliveries")).StatusCode);
    }

    [Fact]
    public async Task UnknownDisabledAndMalformedTokensAnswer404AndRecordNothing()
    {
        var user = await fixture.NewUserAsync();
        var webhook = await user.CreateWebhookAsync(new { name = "Switched off", notificationTypes = new[] { "PUSH_NOTIF" } });
        var client = Anonymous();

        await AssertErrorAsync(await client.PostAsJsonAsync("/hooks/mdt_not-a-real-token", new { title = "x" }), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertErrorAsync(await client.PostAsJsonAsync("/hooks/" + new string('a', 500), new { title = "x" }), HttpStatusCode.NotFound, "NOT_FOUND");
        await fixture.Monitoring.Database.ExecuteAsync("UPDATE om_webhooks SET status = 1 WHERE id = $1", Guid.Parse(webhook.Id));
        await AssertErrorAsync(await client.PostInboundAsync(webhook, new { title = "x" }), HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal("DISABLED", (await user.WebhookAsync(webhook.Id)).Status);

        Assert.Equal(0L, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_webhook_calls WHERE webhook_id = $1", Guid.Parse(webhook.Id)));
    }

    [Fact]
    public async Task BadBodiesAreRefusedWithoutRecordingACall()
    {
        var user = await fixture.NewUserAsync();
        var webhook = await user.CreateWebhookAsync(new { name = "Strict enough", notificationTypes = new[] { "PUSH_NOTIF" } });
        var client = Anonymous();
        StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

        await AssertErrorAsync(await client.PostAsync(webhook.InboundPath, Json(new string('x', 1024 * 1024))), HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        await AssertErrorAsync(await client.PostAsync(webhook.InboundPath, Json("{\"title\":")), HttpStatusCode.BadRequest, "INVALID_JSON");
        await AssertErrorAsync(await client.PostAsync(webhook.InboundPath, Json("\"just text\"")), HttpStatusCode.BadRequest, "INVALID_JSON");
        var mistyped = await AssertErrorAsync(await client.PostAsync(webhook.InboundPath, Json("""{"title":{"nested":true},"message":7}""")), HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(["message", "title"], mistyped.Fields!.Keys.Order(StringComparer.Ordinal));

        Assert.Equal(new MonodutyWebhookStatistics(0, 0, 0), (await user.WebhookAsync(webhook.Id)).Statistics);
        // An empty body is an alert without text.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(webhook.InboundPath, new ByteArrayContent([]))).StatusCode);
        Assert.Equal(1, (await user.WebhookAsync(webhook.Id)).Statistics.TotalCalls);
    }

    [Fact]
    public async Task HostileTextIsCleanedAndCappedNotRefused()
    {
        var user = await fixture.NewUserAsync();
        var webhook = await user.CreateWebhookAsync(new { name = "Hostile input", notificationTypes = new[] { "PUSH_NOTIF" } });

        // NUL and lone surrogates escaped, raw bytes that are not UTF-8, and a title far over its cap.
        var body = new List<byte>();
        body.AddRange(Encoding.UTF8.GetBytes("{\"title\":\"Nul\\u0000 and \\ud800 lone "));
        body.AddRange([0xC3, 0x28, 0xFF]);
        body.AddRange(Encoding.UTF8.GetBytes(new string('t', 40_000)));
        body.AddRange(Encoding.UTF8.GetBytes("\",\"message\":\"low \\udc00 end "));
        body.AddRange(Encoding.UTF8.GetBytes(new string('m', 20_000) + "\",\"severity\":\"" + new string('s', 100) + "\"}"));
        var content = new ByteArrayContent([.. body]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await Anonymous().PostAsync(webhook.InboundPath, content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var (title, message, severity) = await Eventually.HoldsAsync(
            async () =>
            {
                var t = await fixture.Monitoring.Database.ScalarAsync<string>("SELECT title FROM om_webhook_calls WHERE webhook_id = $1", Guid.Parse(webhook.Id));
                var m = await fixture.Monitoring.Database.ScalarAsync<string>("SELECT message FROM om_webhook_calls WHERE webhook_id = $1", Guid.Parse(webhook.Id));
                var s = await fixture.Monitoring.Database.ScalarAsync<string>("SELECT severity FROM om_webhook_calls WHERE webhook_id = $1", Guid.Parse(webhook.Id));
                return (t, m, s);
            },
            _ => true,
            "the recorded call");
        Assert.Equal(200, title.Length);
        Assert.StartsWith("Nul\uFFFD and \uFFFD lone \uFFFD(\uFFFDttt", title, StringComparison.Ordinal);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.Equal(2000, message.Length);
        Assert.StartsWith("low \uFFFD end mmm", message, StringComparison.Ordinal);
        Assert.Equal(32, severity.Length);

        var feed = await Eventually.HoldsAsync(
            () => user.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications"), f => f.Total == 1, "the notification in the feed", Delivered);
        var notification = Assert.Single(feed.Notifications);
        Assert.True(notification.Title.Length <= 200);
        Assert.DoesNotContain('\0', notification.Title);
        Assert.StartsWith("[sss", notification.Title, StringComparison.Ordinal);
        Assert.True(notification.Message.Length <= 2000);
    }

    [Fact]
    public async Task EachTokenIsRateLimitedOnItsOwn()
    {
        var user = await fixture.NewUserAsync();
        var busy = await user.CreateWebhookAsync(new { name = "Busy", notificationTypes = new[] { "PUSH_NOTIF" } });
        var quiet = await user.CreateWebhookAsync(new { name = "Quiet", notificationTypes = new[] { "PUSH_NOTIF" } });
        var client = Anonymous();

        for (var n = 0; n < MessagingClusterFixture.InboundPermits; n++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostInboundAsync(busy, new { title = $"Alert {n}" })).StatusCode);
        }

        var limited = await client.PostInboundAsync(busy, new { title = "One too many" });
        await AssertErrorAsync(limited, HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostInboundAsync(quiet, new { title = "Still welcome" })).StatusCode);
        Assert.Equal(MessagingClusterFixture.InboundPermits, (await user.WebhookAsync(busy.Id)).Statistics.TotalCalls);
    }

    private List<RecordedRequest> GatewayPostsTo(string number) =>
        [.. fixture.Gateway.Received.Where(r => HttpUtility.ParseQueryString(r.Body)["To"] == number)];
}
