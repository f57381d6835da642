using System.Net;
using System.Net.Http.Json;
using System.Web;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// The workspace's email and SMS rules end to end, through the real silo, sender, SMTP server and telephony gateway: an
/// incident of a project with no escalation steps reaches each rule's recipients once, and so does its resolution.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class WorkspaceRuleDeliveryTests(MessagingClusterFixture fixture)
{
    private static readonly TimeSpan Delivered = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnIncidentAndItsResolutionReachTheRulesRecipientsByEmailAndSms()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Ruled only");
        var device = await user.CreateDeviceAsync(project, new { name = "Ledger", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 });
        var email = $"rule-{Guid.NewGuid():N}@example.test";
        var phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync("/api/alerts/email", new { enabled = true, recipients = new[] { email } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync("/api/alerts/sms", new { enabled = true, recipients = new[] { phone }, projectIds = new[] { project } })).StatusCode);

        var incident = await fixture.Monitoring.Database.ScalarAsync<long>(
            "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause) VALUES ($1, $2, now(), 'Connection refused') RETURNING id",
            Guid.Parse(device.Id), user.UserId);
        var mails = await Eventually.HoldsAsync(() => Task.FromResult(MailsTo(email)), m => m.Count == 1, "the opening email", Delivered);
        Assert.Contains("Ledger", mails[0].Subject, StringComparison.Ordinal);
        var texts = await Eventually.HoldsAsync(() => Task.FromResult(TextsTo(phone)), t => t.Count == 1, "the opening SMS", Delivered);
        Assert.Contains("Ledger", texts[0], StringComparison.Ordinal);

        await fixture.Monitoring.Database.ExecuteAsync("UPDATE om_incidents SET resolved_at = now(), resolution = 'Up again' WHERE id = $1", incident);
        mails = await Eventually.HoldsAsync(() => Task.FromResult(MailsTo(email)), m => m.Count == 2, "the resolution email", Delivered);
        Assert.Contains(mails, m => (m.Subject ?? string.Empty).Contains("up again", StringComparison.OrdinalIgnoreCase));
        await Eventually.HoldsAsync(() => Task.FromResult(TextsTo(phone)), t => t.Count == 2, "the resolution SMS", Delivered);
        await Eventually.HoldsAsync(
            () => fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE incident_id = $1 AND status = 2", incident),
            n => n == 4, "the four deliveries to be recorded sent");
    }

    private List<MimeKit.MimeMessage> MailsTo(string address) =>
        [.. fixture.Smtp.Received.Select(m => m.Message).Where(m => m.To.ToString().Contains(address, StringComparison.Ordinal))];

    private List<string> TextsTo(string number) =>
        [.. fixture.Gateway.Received
            .Where(r => r.Path.EndsWith("/Messages.json", StringComparison.Ordinal))
            .Select(r => HttpUtility.ParseQueryString(r.Body))
            .Where(form => form["To"] == number)
            .Select(form => form["Body"] ?? string.Empty)];
}
