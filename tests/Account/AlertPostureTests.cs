using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Team;

namespace OrleansMonitor.Tests.Account;

/// <summary>
/// The alerting parts of <c>GET /api/user/integration-posture</c> and <c>GET /api/support/summary</c> through the real
/// silo: routing coverage counts projects with escalation steps or a rule covering them, and the recent deliveries and
/// their 24-hour counts come from the outbox, masked, and scoped like every other read (an admin who sees one project
/// does not see deliveries about another project's incidents).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AlertPostureTests(ClusterFixture fixture)
{
    [Fact]
    public async Task PostureAndSummaryShowRoutingCoverageAndRecentDeliveriesWithinTheCallersScope()
    {
        await using var receiver = await LocalHttpTarget.StartAsync();
        var owner = await fixture.NewUserAsync();
        var routed = await owner.CreateProjectAsync("Routed");
        var ruled = await owner.CreateProjectAsync("Ruled");
        var device = await owner.CreateDeviceAsync(routed, new { name = "Checkout", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 });

        var empty = await owner.Session.GetJsonAsync<IntegrationPostureBody>("/api/user/integration-posture");
        Assert.Equal(new AlertRoutingCoverage(3, 0, false, false), empty.Routing); // the default project, Routed and Ruled
        Assert.Empty(empty.RecentDeliveries);
        Assert.Equal(new RecentDeliveryCounts(0, 0, 0, 0), empty.DeliveriesLast24Hours);

        Assert.Equal(HttpStatusCode.OK, (await owner.Session.PutAsJsonAsync($"/api/projects/{routed}/alert-settings", new
        {
            escalation = new object[] { new { channel = "webhook", destination = receiver.UrlOf("/hooks/secret-path") } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Session.PutAsJsonAsync("/api/alerts/email", new { enabled = true, recipients = new[] { "ops@example.test" }, projectIds = new[] { ruled } })).StatusCode);
        var configured = await owner.Session.GetJsonAsync<IntegrationPostureBody>("/api/user/integration-posture");
        Assert.Equal(new AlertRoutingCoverage(3, 2, true, false), configured.Routing);

        // An incident of the routed project: its opening goes to the webhook.
        var incident = await fixture.Monitoring.Database.ScalarAsync<long>(
            "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause) VALUES ($1, $2, now(), 'Connection refused') RETURNING id",
            Guid.Parse(device.Id), owner.UserId);
        var posture = await Eventually.HoldsAsync(
            () => owner.Session.GetJsonAsync<IntegrationPostureBody>("/api/user/integration-posture"),
            p => p.RecentDeliveries.Any(d => d.Status == "sent"), "the opening to be recorded sent", TimeSpan.FromSeconds(30));
        var opening = Assert.Single(posture.RecentDeliveries);
        Assert.Equal(("webhook", "opened", 1, 200), (opening.Channel, opening.Event, opening.Attempts, opening.LastStatusCode));
        Assert.Equal($"http://127.0.0.1:{receiver.Port}/…", opening.Destination); // the path may be a secret
        Assert.Equal(new RecentDeliveryCounts(1, 0, 0, 0), posture.DeliveriesLast24Hours);
        Assert.Equal(incident, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT incident_id FROM om_alert_deliveries WHERE id = $1", opening.Id));

        var summary = await owner.Session.GetJsonAsync<SupportSummary>("/api/support/summary");
        Assert.Equal([opening.Id], summary.RecentDeliveries.Select(d => d.Id));
        Assert.Equal(1, summary.DeliveriesLast24Hours.Sent);

        // An admin who sees only the ruled project: nothing of the routed project's incident, and coverage over its one project.
        var admin = await fixture.NewUserAsync();
        await admin.JoinAsync(owner, "admin", [ruled]);
        var scoped = await admin.Session.GetJsonAsync<IntegrationPostureBody>("/api/user/integration-posture");
        Assert.Equal(new AlertRoutingCoverage(1, 1, true, false), scoped.Routing);
        Assert.Empty(scoped.RecentDeliveries);
        Assert.Equal(new RecentDeliveryCounts(0, 0, 0, 0), scoped.DeliveriesLast24Hours);
        Assert.Empty((await admin.Session.GetJsonAsync<SupportSummary>("/api/support/summary")).RecentDeliveries);

        // Another workspace sees none of it.
        var outsider = await fixture.NewUserAsync();
        Assert.Empty((await outsider.Session.GetJsonAsync<IntegrationPostureBody>("/api/user/integration-posture")).RecentDeliveries);
    }
}
