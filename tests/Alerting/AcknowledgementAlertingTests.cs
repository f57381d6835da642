using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;
using static OrleansMonitor.Tests.Alerting.SweeperKit;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// Acknowledgement planned by the real sweeper over a real PostgreSQL, on a fake clock: openings and reminders carry a
/// signed link that acknowledges exactly their incident; an acknowledgement is told once to the PagerDuty, chat and
/// webhook destinations sent the opening (not to email), and not at all when the incident resolved first.
/// </summary>
public sealed class AcknowledgementAlertingTests
{
    private const string RoutingKey = "pd-routing-key";
    private const string Oncall = "oncall@example.test";

    private static ProjectAlertSettings Steps() => TwoSteps(stillDownEveryMinutes: 10) with
    {
        Escalation =
        [
            new EscalationStep(0, ChannelKind.Webhook, Hook, "s", false),
            new EscalationStep(0, ChannelKind.PagerDuty, string.Empty, RoutingKey, true),
            new EscalationStep(0, ChannelKind.Email, Oncall, null, false),
            new EscalationStep(30, ChannelKind.Slack, Slack, null, false),
        ],
    };

    [Fact]
    public async Task OpeningsAndRemindersCarryALinkToTheirIncidentAndTheAcknowledgementIsToldOnceToStatefulReceivers()
    {
        await using var kit = await StartAsync("acknowledgement_told", Steps());
        var incident = await kit.DownAsync();
        await kit.SweepAsync();
        var opened = await kit.DeliveriesAsync(AlertEventKind.Opened);
        Assert.Equal(4, opened.Count);
        foreach (var delivery in opened)
        {
            Assert.StartsWith(PublicUrl + "/ack/", delivery.AcknowledgeUrl, StringComparison.Ordinal);
            Assert.Equal((kit.WorkspaceId, incident), await kit.Links.VerifyAsync(delivery.AcknowledgeUrl![(PublicUrl.Length + 5)..]));
        }

        await kit.DeliverDueAsync(); // webhook, PagerDuty and email; Slack waits 30 minutes
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(10));
        var reminder = Assert.Single(await kit.DeliveriesAsync(AlertEventKind.StillDown), d => d.Channel == ChannelKind.PagerDuty);
        Assert.Equal((kit.WorkspaceId, incident), await kit.Links.VerifyAsync(reminder.AcknowledgeUrl![(PublicUrl.Length + 5)..]));
        await kit.DeliverDueAsync();

        await kit.AcknowledgeAsync(incident);
        await kit.SweepAsync();
        await kit.SweepAsync(); // swept again: told once
        var told = await kit.DeliveriesAsync(AlertEventKind.Acknowledged);
        Assert.Equal([ChannelKind.Webhook, ChannelKind.PagerDuty], told.Select(d => d.Channel).Order());
        Assert.All(told, d => Assert.Equal((kit.Now, DeliveryStatus.Pending, incident), (d.NotBefore, d.Status, d.IncidentId)));
        Assert.All(told, d => Assert.Null(d.AcknowledgeUrl));
        Assert.True(await kit.Database.ScalarAsync<bool>("SELECT acknowledgement_alerts_planned FROM om_incidents WHERE id = $1", incident));
    }

    [Fact]
    public async Task AnIncidentResolvedBeforeItsAcknowledgementIsSweptTellsNoAcknowledgement()
    {
        await using var kit = await StartAsync("acknowledgement_resolved_first", Steps());
        var incident = await kit.DownAsync();
        await kit.SweepAsync();
        await kit.DeliverDueAsync();
        await kit.AcknowledgeAsync(incident);
        await kit.UpAsync();
        await kit.SweepAsync();

        Assert.Empty(await kit.DeliveriesAsync(AlertEventKind.Acknowledged));
        Assert.Equal(3, (await kit.DeliveriesAsync(AlertEventKind.Resolved)).Count);
        Assert.True(await kit.Database.ScalarAsync<bool>("SELECT acknowledgement_alerts_planned FROM om_incidents WHERE id = $1", incident));
    }
}
