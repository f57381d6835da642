using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Team;
using static OrleansMonitor.Tests.Monoduty.MonodutyClient;

namespace OrleansMonitor.Tests.Monoduty;

/// <summary>
/// The webhook routes as the Monoduty document gives them: the envelopes and field names, the alias rule, field
/// errors in the Monoduty error body, another workspace's webhooks invisible, roles, the per-workspace limit and
/// deletion of everything a webhook has.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class WebhooksApiTests(MessagingClusterFixture fixture)
{
    private static readonly object ProductionAlerts = new
    {
        name = "Production Alerts",
        description = "Critical production system alerts",
        notificationTypes = new[] { "EMAIL", "SMS" },
        targetChannels = new { email = "admin@company.test", sms = "+1 (234) 567-8901" },
    };

    [Fact]
    public async Task CreateListAndGetAnswerTheDocumentedEnvelopesWithTheInboundUrl()
    {
        var user = await fixture.NewUserAsync();

        var response = await user.Session.PostAsJsonAsync("/api/webhooks", ProductionAlerts);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using (var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal(["success", "webhook"], json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(
                ["alias", "created_at", "description", "id", "name", "notification_types", "statistics", "status", "target_channels", "webhook_url"],
                json.RootElement.GetProperty("webhook").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(
                ["failed_calls", "successful_calls", "total_calls"],
                json.RootElement.GetProperty("webhook").GetProperty("statistics").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }

        var created = (await response.ReadJsonAsync<MonodutyWebhookBody>()).Webhook;
        Assert.Equal(("Production Alerts", "production-alerts", "ACTIVE"), (created.Name, created.Alias, created.Status));
        Assert.Equal("Critical production system alerts", created.Description);
        Assert.Equal(["EMAIL", "SMS"], created.NotificationTypes);
        Assert.Equal(new MonodutyTargetChannels("admin@company.test", "+12345678901", null), created.TargetChannels);
        Assert.Equal(new MonodutyWebhookStatistics(0, 0, 0), created.Statistics);
        Assert.Equal($"/api/webhooks/{created.Id}", response.Headers.Location?.OriginalString);

        // The inbound URL: the request's own host (no Monoduty:PublicUrl here) and an unguessable token.
        Assert.StartsWith("http://localhost/hooks/mdt_", created.WebhookUrl, StringComparison.Ordinal);
        Assert.True(created.WebhookUrl.Length - "http://localhost/hooks/mdt_".Length >= 43, "a token of 256 bits in base64url");
        var hash = await fixture.Monitoring.Database.ScalarAsync<byte[]>("SELECT token_hash FROM om_webhooks WHERE id = $1", Guid.Parse(created.Id));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(created.InboundPath["/hooks/".Length..])), hash);

        var list = await user.Session.GetJsonAsync<MonodutyWebhookList>("/api/webhooks");
        Assert.True(list.Success);
        Assert.Equal(1, list.Total);
        Assert.Equivalent(created, Assert.Single(list.Webhooks), strict: true);
        Assert.Equivalent(created, await user.WebhookAsync(created.Id), strict: true);
    }

    [Fact]
    public async Task TheAliasIsASlugOfTheNameUniqueInItsWorkspace()
    {
        var user = await fixture.NewUserAsync();
        var other = await fixture.NewUserAsync();
        object Named(string name) => new { name, notificationTypes = new[] { "PUSH_NOTIF" } };

        Assert.Equal("prod-alerts", (await user.CreateWebhookAsync(Named("Prod   Alerts!"))).Alias);
        Assert.Equal("prod-alerts-2", (await user.CreateWebhookAsync(Named("prod alerts"))).Alias);
        Assert.Equal("prod-alerts-3", (await user.CreateWebhookAsync(Named("PROD-ALERTS"))).Alias);
        Assert.Equal("prod-alerts", (await other.CreateWebhookAsync(Named("Prod Alerts"))).Alias);
        Assert.Equal("cafe-ops", (await user.CreateWebhookAsync(Named("Café ops"))).Alias);
        Assert.Equal("webhook", (await user.CreateWebhookAsync(Named("🔥🔥🔥"))).Alias);
    }

    [Theory]
    [InlineData("""{"notificationTypes":["EMAIL"],"targetChannels":{"email":"a@b.test"}}""", "name")]
    [InlineData("""{"name":"ab","notificationTypes":["PUSH_NOTIF"]}""", "name")]
    [InlineData("""{"name":"   ab   ","notificationTypes":["PUSH_NOTIF"]}""", "name")]
    [InlineData("""{"name":"Line\nbreak","notificationTypes":["PUSH_NOTIF"]}""", "name")]
    [InlineData("""{"name":5,"notificationTypes":["PUSH_NOTIF"]}""", "name")]
    [InlineData("""{"name":"Valid name"}""", "notificationTypes")]
    [InlineData("""{"name":"Valid name","notificationTypes":[]}""", "notificationTypes")]
    [InlineData("""{"name":"Valid name","notificationTypes":["FAX"]}""", "notificationTypes")]
    [InlineData("""{"name":"Valid name","notificationTypes":["SMS","SMS"],"targetChannels":{"sms":"+15551234567"}}""", "notificationTypes")]
    [InlineData("""{"name":"Valid name","notificationTypes":"EMAIL"}""", "notificationTypes")]
    [InlineData("""{"name":"Valid name","notificationTypes":["EMAIL"]}""", "targetChannels.email")]
    [InlineData("""{"name":"Valid name","notificationTypes":["EMAIL"],"targetChannels":{"email":"not an address"}}""", "targetChannels.email")]
    [InlineData("""{"name":"Valid name","notificationTypes":["SMS"],"targetChannels":{"sms":"12345"}}""", "targetChannels.sms")]
    [InlineData("""{"name":"Valid name","notificationTypes":["CALL"]}""", "targetChannels.sms")]
    [InlineData("""{"name":"Valid name","notificationTypes":["CALL"],"targetChannels":{"call":"call me"}}""", "targetChannels.call")]
    [InlineData("""{"name":"Valid name","notificationTypes":["PUSH_NOTIF"],"targetChannels":"everywhere"}""", "targetChannels")]
    public async Task BadInputAnswers400WithTheRefusedField(string json, string field)
    {
        var user = await fixture.NewUserAsync();

        var response = await user.Session.PostAsync("/api/webhooks", new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(body.Fields);
        Assert.True(body.Fields.ContainsKey(field), $"fields {string.Join(", ", body.Fields.Keys)} do not name {field}");
        Assert.Equal(0, (await user.Session.GetJsonAsync<MonodutyWebhookList>("/api/webhooks")).Total);
    }

    [Fact]
    public async Task BodiesThatAreNotJsonObjectsOrTooLargeAreRefusedInTheMonodutyBody()
    {
        var user = await fixture.NewUserAsync();
        StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

        await AssertErrorAsync(await user.Session.PostAsync("/api/webhooks", Json("{\"name\":")), HttpStatusCode.BadRequest, "INVALID_JSON");
        await AssertErrorAsync(await user.Session.PostAsync("/api/webhooks", Json("[1,2]")), HttpStatusCode.BadRequest, "INVALID_JSON");
        await AssertErrorAsync(await user.Session.PostAsync("/api/webhooks", Json("""{"name":"Nul \u0000 inside","notificationTypes":["PUSH_NOTIF"]}""")), HttpStatusCode.BadRequest, "INVALID_JSON");
        var huge = JsonSerializer.Serialize(new { name = new string('x', 1024 * 1024), notificationTypes = new[] { "PUSH_NOTIF" } });
        await AssertErrorAsync(await user.Session.PostAsync("/api/webhooks", Json(huge)), HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        var long200 = JsonSerializer.Serialize(new { name = new string('x', 200), notificationTypes = new[] { "PUSH_NOTIF" } });
        var tooLong = await AssertErrorAsync(await user.Session.PostAsync("/api/webhooks", Json(long200)), HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("name", tooLong.Fields!.Keys);
        Assert.Equal(0, (await user.Session.GetJsonAsync<MonodutyWebhookList>("/api/webhooks")).Total);
    }

    [Fact]
    public async Task AnotherWorkspacesWebhookIsNotFoundAndUntouched()
    {
        var owner = await fixture.NewUserAsync();
        var outsider = await fixture.NewUserAsync();
        var webhook = await owner.CreateWebhookAsync(ProductionAlerts);

        await AssertErrorAsync(await outsider.Session.GetAsync($"/api/webhooks/{webhook.Id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertErrorAsync(await outsider.Session.DeleteAsync($"/api/webhooks/{webhook.Id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertErrorAsync(await outsider.Session.PostAsync($"/api/webhooks/{webhook.Id}/test", null), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertErrorAsync(await outsider.Session.GetAsync("/api/webhooks/not-a-uuid"), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertErrorAsync(await owner.Session.GetAsync($"/api/webhooks/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, (await outsider.Session.GetJsonAsync<MonodutyWebhookList>("/api/webhooks")).Total);

        // Nothing happened to it: still there, never called.
        Assert.Equal(new MonodutyWebhookStatistics(0, 0, 0), (await owner.WebhookAsync(webhook.Id)).Statistics);
    }

    [Fact]
    public async Task MembersReadWebhooksAndOnlyAdminsAndOwnersChangeThem()
    {
        var owner = await fixture.NewUserAsync();
        var viewer = await fixture.NewUserAsync();
        var editor = await fixture.NewUserAsync();
        var admin = await fixture.NewUserAsync();
        await viewer.JoinAsync(owner, "viewer");
        await editor.JoinAsync(owner, "editor");
        await admin.JoinAsync(owner, "admin");
        var webhook = await owner.CreateWebhookAsync(new { name = "Shared", notificationTypes = new[] { "PUSH_NOTIF" } });

        foreach (var member in new[] { viewer, editor })
        {
            Assert.Equal(webhook.Id, Assert.Single((await member.Session.GetJsonAsync<MonodutyWebhookList>("/api/webhooks")).Webhooks).Id);
            Assert.Equal(webhook.WebhookUrl, (await member.WebhookAsync(webhook.Id)).WebhookUrl);
            var refused = await AssertErrorAsync(
                await member.Session.PostAsJsonAsync("/api/webhooks", new { name = "Mine", notificationTypes = new[] { "PUSH_NOTIF" } }), HttpStatusCode.Forbidden, "FORBIDDEN");
            Assert.Equal("forbidden_role", refused.Reason);
            await AssertErrorAsync(await member.Session.PostAsync($"/api/webhooks/{webhook.Id}/test", null), HttpStatusCode.Forbidden, "FORBIDDEN");
            await AssertErrorAsync(await member.Session.DeleteAsync($"/api/webhooks/{webhook.Id}"), HttpStatusCode.Forbidden, "FORBIDDEN");
        }

        var made = await admin.CreateWebhookAsync(new { name = "By the admin", notificationTypes = new[] { "PUSH_NOTIF" } });
        Assert.Equal(HttpStatusCode.OK, (await admin.Session.PostAsync($"/api/webhooks/{webhook.Id}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Session.DeleteAsync($"/api/webhooks/{made.Id}")).StatusCode);

        var anonymous = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var unauthorized = await AssertErrorAsync(await anonymous.GetAsync("/api/webhooks"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("unauthorized", unauthorized.Reason);
    }

    [Fact]
    public async Task AWorkspaceHoldsAtMostAHundredWebhooks()
    {
        var user = await fixture.NewUserAsync();
        for (var n = 0; n < 100; n++)
        {
            var response = await user.Session.PostAsJsonAsync("/api/webhooks", new { name = $"Hook {n}", notificationTypes = new[] { "PUSH_NOTIF" } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await AssertErrorAsync(
            await user.Session.PostAsJsonAsync("/api/webhooks", new { name = "One too many", notificationTypes = new[] { "PUSH_NOTIF" } }),
            HttpStatusCode.Forbidden,
            "WEBHOOK_LIMIT_REACHED");
        Assert.Equal(100, (await user.Session.GetJsonAsync<MonodutyWebhookList>("/api/webhooks")).Total);
    }

    [Fact]
    public async Task DeletingAWebhookRemovesItsCallsAndNotificationsAndItsUrlAnswers404()
    {
        var user = await fixture.NewUserAsync();
        var anonymous = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var webhook = await user.CreateWebhookAsync(new { name = "Short lived", notificationTypes = new[] { "PUSH_NOTIF" } });
        var kept = await user.CreateWebhookAsync(new { name = "Kept", notificationTypes = new[] { "PUSH_NOTIF" } });
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostInboundAsync(webhook, new { title = "Gone soon" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostInboundAsync(kept, new { title = "Stays" })).StatusCode);
        await Eventually.HoldsAsync(
            () => user.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications"), feed => feed.Total == 2, "both notifications in the feed");

        var deleted = await user.Session.DeleteAsync($"/api/webhooks/{webhook.Id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("""{"success":true}""", await deleted.Content.ReadAsStringAsync());

        await AssertErrorAsync(await user.Session.GetAsync($"/api/webhooks/{webhook.Id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertErrorAsync(await user.Session.DeleteAsync($"/api/webhooks/{webhook.Id}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertErrorAsync(await anonymous.PostInboundAsync(webhook, new { title = "Too late" }), HttpStatusCode.NotFound, "NOT_FOUND");
        var feed = await user.Session.GetJsonAsync<MonodutyNotificationList>("/api/notifications");
        Assert.Equal("Stays", Assert.Single(feed.Notifications).Title);
        Assert.Equal(kept.Id, Assert.Single((await user.Session.GetJsonAsync<MonodutyWebhookList>("/api/webhooks")).Webhooks).Id);
        Assert.Equal(0L, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_webhook_calls WHERE webhook_id = $1", Guid.Parse(webhook.Id)));
        Assert.Equal(1L, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_webhook_calls WHERE webhook_id = $1", Guid.Parse(kept.Id)));
        // Its sent delivery stays in the outbox's history; nothing pending is left to send.
        Assert.Equal(0L, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE webhook_id = $1 AND status IN (0, 1)", Guid.Parse(webhook.Id)));
    }
}
