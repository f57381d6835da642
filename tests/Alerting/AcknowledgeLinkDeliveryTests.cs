using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// The acknowledge link end to end, through the real silo, sender, SMTP server and API host: the opening email carries
/// a signed link; opening it changes nothing (a mail scanner may fetch it) and shows a button; posting it acknowledges
/// the incident as "by link", stops the escalation, and PagerDuty, which was paged, is sent one acknowledge event with
/// the incident's dedup key. A changed token, or one for no incident, answers 404 with nothing that tells why.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed partial class AcknowledgeLinkDeliveryTests(MessagingClusterFixture fixture)
{
    private static readonly TimeSpan Delivered = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheEmailedLinkAcknowledgesItsIncidentOnceAndPagerDutyIsToldWithTheIncidentsDedupKey()
    {
        await using var receiver = await LocalHttpTarget.StartAsync();
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Linked");
        var device = await user.CreateDeviceAsync(project, new { name = "Billing <api>", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 });
        var email = $"oncall-{Guid.NewGuid():N}@example.test";
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync($"/api/projects/{project}/alert-settings", new
        {
            escalation = new object[]
            {
                new { delayMinutes = 0, channel = "email", destination = email },
                new { delayMinutes = 0, channel = "pagerduty", secret = "routing-key-1" },
                new { delayMinutes = 30, channel = "webhook", destination = receiver.UrlOf("/later") },
            },
        })).StatusCode);

        var incident = await fixture.Monitoring.Database.ScalarAsync<long>(
            "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause) VALUES ($1, $2, now(), 'Connection refused') RETURNING id",
            Guid.Parse(device.Id), user.UserId);
        var mail = await Eventually.HoldsAsync(
            () => Task.FromResult(fixture.Smtp.Received.Where(m => m.Message.To.ToString().Contains(email, StringComparison.Ordinal)).ToArray()),
            m => m.Length == 1, "the opening email", Delivered);
        var link = AcknowledgeLink().Match(mail[0].Message.TextBody ?? string.Empty);
        Assert.True(link.Success, "the email carries an acknowledge link: " + mail[0].Message.TextBody);
        var token = link.Groups["token"].Value;
        await Eventually.HoldsAsync(() => Task.FromResult(PagerDutyEvents(incident)), e => e.Count == 1, "the PagerDuty trigger", Delivered);

        // Opening the link shows the incident and a button; nothing changes.
        var anonymous = fixture.Api.CreateClient();
        var page = await anonymous.GetAsync($"/ack/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\">", html, StringComparison.Ordinal);
        Assert.Contains("Billing &lt;api&gt;", html, StringComparison.Ordinal);
        Assert.True(await fixture.Monitoring.Database.ScalarAsync<bool>("SELECT acknowledged_at IS NULL FROM om_incidents WHERE id = $1", incident));

        // Posting it acknowledges, by link; the webhook step waiting its 30 minutes is cancelled.
        var acknowledged = await anonymous.PostAsync($"/ack/{token}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Contains("Incident acknowledged", await acknowledged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("link", await fixture.Monitoring.Database.ScalarAsync<string>("SELECT acknowledged_via FROM om_incidents WHERE id = $1 AND acknowledged_by IS NULL", incident));
        var listed = await user.Session.GetJsonAsync<JsonElement>("/api/incidents");
        var row = listed.GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == incident);
        Assert.Equal("link", row.GetProperty("acknowledgedVia").GetString());

        // PagerDuty hears the acknowledgement once, under the incident's dedup key; email is not sent a second page.
        var events = await Eventually.HoldsAsync(() => Task.FromResult(PagerDutyEvents(incident)), e => e.Count == 2, "the PagerDuty acknowledge event", Delivered);
        Assert.Equal(["trigger", "acknowledge"], events.Select(e => e.GetProperty("event_action").GetString()));
        Assert.All(events, e => Assert.Equal($"orleansmonitor-{incident}", e.GetProperty("dedup_key").GetString()));

        // A second post answers the acknowledgement as it stands; nothing is told again.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"/ack/{token}", new FormUrlEncodedContent([]))).StatusCode);
        var deliveries = await user.Session.GetJsonAsync<JsonElement>($"/api/incidents/{incident}/deliveries");
        var history = deliveries.GetProperty("deliveries").EnumerateArray()
            .Select(d => $"{d.GetProperty("channel").GetString()}:{d.GetProperty("event").GetString()}:{d.GetProperty("status").GetString()}").ToArray();
        Assert.Equal("pagerduty:acknowledged:sent", history[^1]); // oldest first
        Assert.Equal(["email:opened:sent", "pagerduty:opened:sent", "webhook:opened:cancelled"], history[..^1].Order());
        Assert.Equal(2, PagerDutyEvents(incident).Count);
        Assert.Single(fixture.Smtp.Received, m => m.Message.To.ToString().Contains(email, StringComparison.Ordinal));
        Assert.Empty(receiver.Received);

        // A changed token, or another incident's that was never signed, is just not found.
        var changed = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        foreach (var refused in new[] { changed, "abc.def", token.Split('.')[0] })
        {
            var answer = await anonymous.PostAsync($"/ack/{refused}", new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Contains("This link is not valid", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private List<JsonElement> PagerDutyEvents(long incident) =>
        [.. fixture.Gateway.Received
            .Where(r => r.Path == MessagingClusterFixture.PagerDutyPath)
            .Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Where(e => e.GetProperty("dedup_key").GetString() == $"orleansmonitor-{incident}")];

    [GeneratedRegex(@"https://monitor\.example\.test/ack/(?<token>[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex AcknowledgeLink();
}
