using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;
using static OrleansMonitor.Tests.Alerting.SweeperKit;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// The workspace's email and SMS rules planned by the real sweeper over a real PostgreSQL, on a fake clock: every
/// recipient of a rule covering the project is told of the opening (even in a project without escalation steps), of
/// the resolution and of reminders; quiet hours hold back the email, not the SMS; a disabled rule, or one naming other
/// projects, tells nobody; a flapping monitor makes one flapping alert per recipient and one stable alert.
/// </summary>
public sealed class WorkspaceRuleAlertingTests
{
    private const string Oncall = "oncall@example.test";
    private const string Phone = "+15550100200";

    [Fact]
    public async Task RuleRecipientsHearOfTheOpeningAndTheResolutionOfAProjectWithoutEscalationSteps()
    {
        await using var kit = await StartAsync("rules_opening", ProjectAlertSettings.None with { StillDownEveryMinutes = 15 });
        kit.Rules[ChannelKind.Email] = new WorkspaceAlertRule(true, [Oncall, "lead@example.test"], []);
        kit.Rules[ChannelKind.Sms] = new WorkspaceAlertRule(true, [Phone], [Guid.NewGuid()]); // another project only

        var incident = await kit.DownAsync();
        await kit.SweepAsync();
        await kit.SweepAsync(); // swept again: recorded once
        var opened = await kit.DeliveriesAsync(AlertEventKind.Opened);
        Assert.Equal(["lead@example.test", Oncall], opened.Select(d => d.Destination).Order());
        Assert.All(opened, d => Assert.Equal((Start, incident, DeliveryStatus.Pending), (d.NotBefore, d.IncidentId, d.Status)));
        Assert.All(opened, d => Assert.StartsWith($"incident:{incident}:opened:rule:email:", d.Key, StringComparison.Ordinal));
        await kit.DeliverDueAsync();

        // Told of the opening, so reminded and told of the resolution.
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(15));
        Assert.Equal(["lead@example.test", Oncall], (await kit.DeliveriesAsync(AlertEventKind.StillDown)).Select(d => d.Destination).Order());
        await kit.UpAsync();
        await kit.SweepAsync();
        Assert.Equal(["lead@example.test", Oncall], (await kit.DeliveriesAsync(AlertEventKind.Resolved)).Select(d => d.Destination).Order());
        Assert.DoesNotContain(await kit.DeliveriesAsync(), d => d.Destination == Phone);
    }

    [Fact]
    public async Task RuleRecipientsComeBesideTheEscalationStepsAndQuietHoursHoldBackTheEmailButNotTheSms()
    {
        // 23:00 UTC: quiet from 22:00 to 07:00, high priority only.
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), QuietHoursMode.HighPriorityOnly);
        await using var kit = await StartAsync("rules_quiet_hours", TwoSteps() with { QuietHours = quiet });
        kit.Rules[ChannelKind.Email] = new WorkspaceAlertRule(true, [Oncall], [kit.ProjectId]);
        kit.Rules[ChannelKind.Sms] = new WorkspaceAlertRule(true, [Phone], []);
        kit.Clock.Advance(TimeSpan.FromHours(11)); // from 12:00 to 23:00

        await kit.DownAsync();
        await kit.SweepAsync();
        var morning = new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.Zero);
        var opened = (await kit.DeliveriesAsync(AlertEventKind.Opened)).ToDictionary(d => d.Destination, d => d.NotBefore);
        Assert.Equal(4, opened.Count);
        Assert.Equal(morning, opened[Hook]);
        Assert.Equal(morning, opened[Slack]);
        Assert.Equal(morning, opened[Oncall]);
        Assert.Equal(kit.Now, opened[Phone]);
    }

    [Fact]
    public async Task ADisabledRuleTellsNobodyAndTheIncidentIsStillMarkedPlanned()
    {
        await using var kit = await StartAsync("rules_disabled", ProjectAlertSettings.None);
        kit.Rules[ChannelKind.Email] = new WorkspaceAlertRule(false, [Oncall], []);

        var incident = await kit.DownAsync();
        await kit.SweepAsync();
        Assert.Empty(await kit.DeliveriesAsync());
        Assert.True(await kit.Database.ScalarAsync<bool>("SELECT opening_alerts_planned FROM om_incidents WHERE id = $1", incident));

        // Enabled later: incidents from then on are told, the planned one is not sent late.
        kit.Rules[ChannelKind.Email] = kit.Rules[ChannelKind.Email] with { Enabled = true };
        await kit.UpAsync();
        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(1));
        Assert.Empty(await kit.DeliveriesAsync());
        var next = await kit.DownAsync();
        await kit.SweepAsync();
        Assert.Equal([(Oncall, next)], (await kit.DeliveriesAsync(AlertEventKind.Opened)).Select(d => (d.Destination, d.IncidentId)));
    }

    [Fact]
    public async Task AFlappingMonitorSendsEachRuleRecipientOneFlappingAlertAndOneStableAlert()
    {
        await using var kit = await StartAsync("rules_flapping", ProjectAlertSettings.None with { Flapping = new FlappingRule(4, 10, 10) });
        kit.Rules[ChannelKind.Email] = new WorkspaceAlertRule(true, [Oncall], []);
        await kit.FlapAsync(8);

        // Changes 1 and 3 escalate; the opening at change 5 begins the episode; change 7 is swallowed by it.
        Assert.Equal(2, (await kit.DeliveriesAsync(AlertEventKind.Opened)).Count);
        var flapping = Assert.Single(await kit.DeliveriesAsync(AlertEventKind.Flapping));
        Assert.Equal((Oncall, DeliveryStatus.Sent), (flapping.Destination, flapping.Status));
        Assert.Contains(":rule:email:", flapping.Key, StringComparison.Ordinal);

        await kit.AdvanceAndSweepAsync(TimeSpan.FromMinutes(10)); // stable for its minutes, up
        await kit.SweepAsync();
        Assert.Equal([Oncall], (await kit.DeliveriesAsync(AlertEventKind.Stable)).Select(d => d.Destination));
    }
}
