using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Tests.Storage;
using static OrleansMonitor.Tests.Alerting.SweeperKit;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// Flapping planned by the real sweeper over a real PostgreSQL, on a fake clock: exactly the rule's changes escalate as
/// usual, one more makes an episode with one flapping alert per destination (not a storm, even from two sweepers); the
/// episode ends after the stable minutes with one stable alert to those told (up) or the open incident's escalation
/// (down), and a later episode counts only changes after it.
/// </summary>
public sealed class FlappingTests
{
    [Theory]
    [InlineData(5, false)]
    [InlineData(4, true)]
    public async Task FiveChangesInTheWindowAreFlappingOnlyWhenTheRuleAllowsFewer(int allowed, bool flapping)
    {
        await using var kit = await StartAsync("flapping_threshold", TwoSteps(flapping: new FlappingRule(allowed, 10, 10)));
        long third = 0;
        for (var change = 1; change <= 5; change++)
        {
            if (change % 2 == 1)
            {
                third = await kit.DownAsync();
            }
            else
            {
                await kit.UpAsync();
            }

            await kit.SweepAsync();
            await kit.DeliverDueAsync();
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var openings = await kit.DeliveriesAsync(AlertEventKind.Opened);
        var flappingAlerts = await kit.DeliveriesAsync(AlertEventKind.Flapping);
        Assert.Equal(flapping ? 4 : 6, openings.Count); // two steps per escalated opening
        Assert.Equal(flapping ? 2 : 0, flappingAlerts.Count);
        Assert.Equal(flapping, openings.All(o => o.IncidentId != third));
        Assert.Equal(flapping ? 1 : 0, await kit.Database.ScalarAsync<long>("SELECT count(*) FROM om_flapping WHERE monitor_id = $1", kit.MonitorId));
    }

    [Fact]
    public async Task AMonitorFlappingForTwentyMinutesSendsOneFlappingAlertAndOneStableAlertOnceStable()
    {
        await using var kit = await StartAsync("flapping_episode", TwoSteps());
        var other = kit.NewSweeper(OutboxKit(kit), OutboxSender(kit));
        var incidents = new List<long>();
        for (var minute = 0; minute < 20; minute++)
        {
            if (minute % 2 == 0)
            {
                incidents.Add(await kit.DownAsync());
            }
            else
            {
                await kit.UpAsync();
            }

            await Task.WhenAll(kit.Sweeper.SweepAsync(), other.SweepAsync()); // two silos
            await kit.DeliverDueAsync();
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        // Changes 1, 3 and 5 escalate (webhook at once, Slack after 30 min: cancelled by their resolutions); the
        // opening at change 7 begins the episode: one flapping alert per destination, and nothing for the rest.
        var episode = incidents[3];
        var opened = await kit.DeliveriesAsync(AlertEventKind.Opened);
        Assert.Equal(incidents.Take(3).SelectMany(i => new[] { i, i }), opened.Select(o => o.IncidentId).Order());
        Assert.Equal(3, opened.Count(o => o.Status == DeliveryStatus.Sent));
        Assert.Equal(3, (await kit.DeliveriesAsync(AlertEventKind.Resolved)).Count); // those told of an opening hear it is over
        var flapping = await kit.DeliveriesAsync(AlertEventKind.Flapping);
        Assert.Equal([(Hook, DeliveryStatus.Sent), (Slack, DeliveryStatus.Pending)], flapping.Select(f => (f.Destination, f.Status)).Order());
        Assert.All(flapping, f => Assert.Equal(episode, f.IncidentId));
        Assert.Equal("API is flapping", flapping[0].Title);
        Assert.StartsWith("7 state changes within 10 min (more than 5)", flapping[0].Cause, StringComparison.Ordinal);

        // Up since minute 19: not stable at 28, stable at 29; the Slack step not yet sent is cancelled.
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(8));
        Assert.Empty(await kit.DeliveriesAsync(AlertEventKind.Stable));
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(1));
        await other.SweepAsync();
        var stable = Assert.Single(await kit.DeliveriesAsync(AlertEventKind.Stable));
        Assert.Equal((Hook, episode, Start.AddMinutes(29)), (stable.Destination, stable.IncidentId, stable.NotBefore));
        Assert.Equal("API stopped flapping and is up", stable.Title);
        Assert.Equal(DeliveryStatus.Cancelled, (await kit.DeliveriesAsync(AlertEventKind.Flapping)).Single(f => f.Destination == Slack).Status);
        Assert.Equal(
            Start.AddMinutes(29).UtcDateTime,
            await kit.Database.ScalarAsync<DateTime>("SELECT ended_at FROM om_flapping WHERE id = $1", episode));

        // The next outage is an ordinary incident again.
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(5));
        var next = await kit.DownAsync();
        await kit.SweepAsync();
        Assert.Equal(2, (await kit.DeliveriesAsync(AlertEventKind.Opened)).Count(o => o.IncidentId == next));
        Assert.Single(await kit.DeliveriesAsync(AlertEventKind.Stable));
    }

    [Fact]
    public async Task AChangeBeforeTheStableTimeKeepsTheEpisodeGoingAndALaterEpisodeCountsOnlyChangesAfterTheLastOne()
    {
        // A long window and a short stable time: without the cut at the episode's end every later opening would flap.
        await using var kit = await StartAsync("flapping_again", TwoSteps(flapping: new FlappingRule(3, 60, 5)));
        async Task ToggleAsync(int times)
        {
            for (var i = 0; i < times; i++)
            {
                if (await kit.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE monitor_id = $1 AND resolved_at IS NULL", kit.MonitorId) == 0)
                {
                    await kit.DownAsync();
                }
                else
                {
                    await kit.UpAsync();
                }

                await kit.SweepAsync();
                await kit.DeliverDueAsync();
                kit.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        await ToggleAsync(5); // minutes 0-4: down, up, down, up, down; the fifth change (more than 3) begins the episode
        var first = await kit.DeliveriesAsync(AlertEventKind.Flapping);
        Assert.Equal(2, first.Count);
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(3)); // minute 8: 4 minutes without a change
        await ToggleAsync(1); // up at minute 8, before the stable time (minute 9): same episode, no alert
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(3)); // minute 12
        Assert.Empty(await kit.DeliveriesAsync(AlertEventKind.Stable));
        Assert.Equal(Start.AddMinutes(13).UtcDateTime, await kit.Database.ScalarAsync<DateTime>("SELECT stable_at FROM om_flapping WHERE id = $1", first[0].IncidentId));
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(1)); // minute 13: stable
        await kit.DeliverDueAsync();
        Assert.Single(await kit.DeliveriesAsync(AlertEventKind.Stable));

        // The window (60 min) still holds the episode's changes, but only those after its last one count: two ordinary
        // outages, then the fifth change after the episode begins a new one with alerts of its own.
        var ordinary = (await kit.DeliveriesAsync(AlertEventKind.Opened)).Select(o => o.IncidentId).Distinct().Count();
        await ToggleAsync(4); // minutes 13-16: down, up, down, up
        Assert.Equal(ordinary + 2, (await kit.DeliveriesAsync(AlertEventKind.Opened)).Select(o => o.IncidentId).Distinct().Count());
        Assert.Equal(2, (await kit.DeliveriesAsync(AlertEventKind.Flapping)).Count);
        await ToggleAsync(1); // minute 17: down, the fifth change
        var flapping = await kit.DeliveriesAsync(AlertEventKind.Flapping);
        Assert.Equal(4, flapping.Count);
        Assert.Equal(2, flapping.Select(f => f.IncidentId).Distinct().Count());
        Assert.Equal(ordinary + 2, (await kit.DeliveriesAsync(AlertEventKind.Opened)).Select(o => o.IncidentId).Distinct().Count());
        Assert.Equal(2, await kit.Database.ScalarAsync<long>("SELECT count(*) FROM om_flapping WHERE monitor_id = $1", kit.MonitorId));
    }

    [Fact]
    public async Task AnEpisodeThatSettlesDownEscalatesTheOpenIncidentFromThenAndItsResolutionReachesThoseTold()
    {
        await using var kit = await StartAsync("flapping_down", TwoSteps(stillDownEveryMinutes: 30));
        await kit.FlapAsync(7);

        // Down since minute 6, the opening that began the episode; stable (and down) at minute 16.
        var down = await kit.Database.ScalarAsync<long>("SELECT id FROM om_incidents WHERE monitor_id = $1 AND resolved_at IS NULL", kit.MonitorId);
        Assert.DoesNotContain(await kit.DeliveriesAsync(AlertEventKind.Opened), o => o.IncidentId == down);
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(9));
        await kit.DeliverDueAsync();

        var escalated = (await kit.DeliveriesAsync(AlertEventKind.Opened)).Where(o => o.IncidentId == down).OrderBy(o => o.NotBefore).ToList();
        Assert.Equal([(Hook, Start.AddMinutes(16)), (Slack, Start.AddMinutes(46))], escalated.Select(o => (o.Destination, o.NotBefore)));
        Assert.Empty(await kit.DeliveriesAsync(AlertEventKind.Stable));
        Assert.True(await kit.Database.ScalarAsync<bool>("SELECT ended_at IS NOT NULL FROM om_flapping WHERE id = $1", down));
        Assert.Equal(Start.AddMinutes(36).UtcDateTime, await kit.Database.ScalarAsync<DateTime>("SELECT next_reminder_at FROM om_incidents WHERE id = $1", down));

        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(4));
        await kit.UpAsync();
        await kit.SweepAsync();
        Assert.Equal(Hook, Assert.Single(await kit.DeliveriesAsync(AlertEventKind.Resolved), r => r.IncidentId == down).Destination);
        Assert.Equal(DeliveryStatus.Cancelled, (await kit.DeliveriesAsync(AlertEventKind.Opened)).Single(o => o.Key == escalated[1].Key).Status); // Slack's step never came due
    }

    private static DeliveryOutbox OutboxKit(SweeperKit kit) => Outbox.OutboxKit.NewOutbox(kit.Database.DataSource, kit.Clock);

    private static DeliverySender OutboxSender(SweeperKit kit) =>
        Outbox.OutboxKit.NewSender(kit.Database.DataSource, kit.Clock, new Outbox.RecordingChannel());
}
