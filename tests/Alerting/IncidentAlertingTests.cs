using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// From incident to receiver through the real silo: the sweeper plans a project's escalation from its settings, the
/// outbox sender delivers the steps that are due over real HTTP to a loopback receiver (signed), acknowledgement
/// cancels the steps still waiting, and the resolution reaches exactly those who were told of the opening.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IncidentAlertingTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Delivered = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnIncidentReachesItsDueStepsAcknowledgementStopsTheRestAndTheResolutionReachesEveryoneTold()
    {
        await using var receiver = await LocalHttpTarget.StartAsync();
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Alerted");
        var device = await user.CreateDeviceAsync(project, new { name = "Checkout", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 });
        var settings = await user.Session.PutAsJsonAsync($"/api/projects/{project}/alert-settings", new
        {
            escalation = new object[]
            {
                new { delayMinutes = 0, channel = "webhook", destination = receiver.UrlOf("/hook"), secret = "hook-secret" },
                new { delayMinutes = 30, channel = "slack", destination = receiver.UrlOf("/slack") },
            },
        });
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);

        // The monitor's incident write, as the monitor grain makes it.
        var incident = await fixture.Monitoring.Database.ScalarAsync<long>(
            "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause) VALUES ($1, $2, now(), 'Connection refused') RETURNING id",
            Guid.Parse(device.Id), user.UserId);

        var opened = await Eventually.HoldsAsync(() => Task.FromResult(HooksOf(receiver, "/hook")), r => r.Count >= 1, "the opening to reach the webhook", Delivered);
        var body = Assert.Single(opened);
        using (var json = JsonDocument.Parse(body.Body))
        {
            Assert.Equal("opened", json.RootElement.GetProperty("event").GetString());
            Assert.Equal(incident, json.RootElement.GetProperty("incident_id").GetInt64());
            Assert.Equal("Connection refused", json.RootElement.GetProperty("cause").GetString());
        }

        // Signed with the documented recipe.
        var timestamp = body.Headers["X-OrleansMonitor-Timestamp"];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("hook-secret"), Encoding.UTF8.GetBytes($"{timestamp}.{body.Body}")));
        Assert.Equal(expected, body.Headers["X-OrleansMonitor-Signature"]);

        // The Slack step waits its 30 minutes; the acknowledgement cancels it.
        Assert.Equal(1, await PendingAsync(incident));
        var acknowledged = await (await user.Session.PostAsync($"/api/incidents/{incident}/acknowledge", null)).ReadJsonAsync<DashmonAcknowledgement>();
        Assert.Equal(1, acknowledged.CancelledDeliveries);
        Assert.Equal(0, await PendingAsync(incident));

        await fixture.Monitoring.Database.ExecuteAsync("UPDATE om_incidents SET resolved_at = now(), resolution = 'Up again' WHERE id = $1", incident);
        var all = await Eventually.HoldsAsync(() => Task.FromResult(HooksOf(receiver, "/hook")), r => r.Count >= 2, "the resolution to reach the webhook", Delivered);
        using (var json = JsonDocument.Parse(all[1].Body))
        {
            Assert.Equal("resolved", json.RootElement.GetProperty("event").GetString());
        }

        // Exactly the configured deliveries: nothing more arrives, and Slack, acknowledged before its time, never hears of it.
        Assert.Empty(HooksOf(receiver, "/slack"));
        Assert.Equal(2, HooksOf(receiver, "/hook").Count);
        await Eventually.HoldsAsync( // the receiver has it before the sender records it sent
            () => fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE incident_id = $1 AND status = 2", incident),
            n => n == 2, "both webhook deliveries to be recorded sent");
    }

    [Fact]
    public async Task AProjectWithoutRoutingAlertsNobodyAndItsIncidentIsStillMarkedPlanned()
    {
        await using var receiver = await LocalHttpTarget.StartAsync();
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Silent");
        var device = await user.CreateDeviceAsync(project, new { name = "Quiet", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 });
        var incident = await fixture.Monitoring.Database.ScalarAsync<long>(
            "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause) VALUES ($1, $2, now(), 'Timeout') RETURNING id",
            Guid.Parse(device.Id), user.UserId);

        await Eventually.HoldsAsync(
            () => fixture.Monitoring.Database.ScalarAsync<bool>("SELECT opening_alerts_planned FROM om_incidents WHERE id = $1", incident),
            planned => planned,
            "the incident to be swept",
            Delivered);
        Assert.Equal(0, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE incident_id = $1", incident));
        Assert.Equal(0, receiver.Requests);
    }

    private static List<RecordedRequest> HooksOf(LocalHttpTarget receiver, string path) => [.. receiver.Received.Where(r => r.Path == path)];

    private Task<long> PendingAsync(long incident) =>
        fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE incident_id = $1 AND status = 0", incident);
}
