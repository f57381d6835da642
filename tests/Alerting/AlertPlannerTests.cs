using OrleansMonitor.Grains.Alerting;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// An incident's deliveries follow the escalation steps and their delays, wait out quiet hours unless high-priority,
/// reach whoever is on call when due, and plan the same keys when planned twice; resolutions reach everyone notified.
/// Reminders come every interval after the start, one key per number, and wait out quiet hours in either mode; more than
/// the rule's changes (not exactly as many) make a monitor flapping, counted from its previous episode's last change.
/// </summary>
public sealed class AlertPlannerTests
{
    private static readonly Guid Workspace = Guid.NewGuid();

    private static AlertEvent Opened(DateTimeOffset at) =>
        new(AlertEventKind.Opened, Workspace, 42, Guid.NewGuid(), "api is down", "api", "https://api.example.test", "503", at, at);

    private static ProjectAlertSettings Settings(QuietHours? quiet = null, OnCallSchedule? onCall = null, string zone = "UTC") => new(
        zone,
        [
            new EscalationStep(0, ChannelKind.Slack, "https://hooks.example.test/slack", null, false),
            new EscalationStep(5, ChannelKind.Email, EscalationStep.OnCall, null, false),
            new EscalationStep(15, ChannelKind.Sms, "+15551234567", null, true),
            new EscalationStep(30, ChannelKind.PagerDuty, string.Empty, "routing-key", true),
        ],
        quiet,
        onCall ?? new OnCallSchedule(["ann@example.test", "bob@example.test"], DayOfWeek.Monday, new TimeOnly(9, 0), new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)),
        null,
        FlappingRule.Default);

    [Fact]
    public void EachStepIsDueAfterItsDelayAndTheOnCallMemberIsTheOneOnCallThen()
    {
        // Opened a minute before Monday's hand-off: the email 5 minutes later goes to the next member.
        var at = new DateTimeOffset(2026, 11, 9, 8, 59, 0, TimeSpan.Zero);
        var plan = AlertPlanner.ForOpening(Opened(at), Settings());
        Assert.Equal([0, 5, 15, 30], plan.Select(d => (int)(d.NotBefore - at).TotalMinutes));
        Assert.Equal([ChannelKind.Slack, ChannelKind.Email, ChannelKind.Sms, ChannelKind.PagerDuty], plan.Select(d => d.Channel));
        Assert.Equal("bob@example.test", plan[1].Destination);
        Assert.Equal("routing-key", plan[3].Secret);
        Assert.Equal(plan.Count, plan.Select(d => d.IdempotencyKey).Distinct().Count());

        // Planned again (a crash before the incident was marked planned): the same keys.
        Assert.Equal(plan.Select(d => d.IdempotencyKey), AlertPlanner.ForOpening(Opened(at), Settings()).Select(d => d.IdempotencyKey));
    }

    [Fact]
    public void QuietHoursHoldBackAllButHighPriorityStepsUntilTheirEndInTheProjectsZone()
    {
        // 23:00 in Berlin (22:00 UTC in November): quiet from 22:00 to 07:00 local, i.e. until 06:00 UTC.
        var at = new DateTimeOffset(2026, 11, 10, 22, 0, 0, TimeSpan.Zero);
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), QuietHoursMode.HighPriorityOnly);
        var plan = AlertPlanner.ForOpening(Opened(at), Settings(quiet, zone: "Europe/Berlin"));
        var morning = new DateTimeOffset(2026, 11, 11, 6, 0, 0, TimeSpan.Zero);
        Assert.Equal(morning, plan[0].NotBefore); // slack waits
        Assert.Equal(morning, plan[1].NotBefore); // email waits
        Assert.Equal(at.AddMinutes(15), plan[2].NotBefore); // high-priority SMS goes
        Assert.Equal(at.AddMinutes(30), plan[3].NotBefore);

        var silent = AlertPlanner.ForOpening(Opened(at), Settings(quiet with { Mode = QuietHoursMode.Silent }, zone: "Europe/Berlin"));
        Assert.All(silent, d => Assert.Equal(morning, d.NotBefore));

        // Outside the quiet hours nothing waits.
        var noon = new DateTimeOffset(2026, 11, 10, 11, 0, 0, TimeSpan.Zero);
        Assert.Equal(noon, AlertPlanner.ForOpening(Opened(noon), Settings(quiet, zone: "Europe/Berlin"))[0].NotBefore);
    }

    [Fact]
    public void AResolutionReachesEveryoneNotifiedOnceEach()
    {
        var at = new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
        var resolved = Opened(at) with { Kind = AlertEventKind.Resolved, OccurredAt = at.AddMinutes(20), ResolvedAt = at.AddMinutes(20) };
        var plan = AlertPlanner.ForResolution(resolved,
        [
            new NotifiedRecipient(ChannelKind.Slack, "https://hooks.example.test/slack", null),
            new NotifiedRecipient(ChannelKind.Email, "ann@example.test", null),
            new NotifiedRecipient(ChannelKind.Email, "ann@example.test", null),
        ]);
        Assert.Equal(2, plan.Count);
        Assert.All(plan, d => Assert.Equal(at.AddMinutes(20), d.NotBefore));
        Assert.All(plan, d => Assert.Contains(":resolved:", d.IdempotencyKey, StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromMinutes(20), resolved.Duration);
    }

    [Fact]
    public void RemindersAreNumberedFromTheStartAndTheNextOneIsTheFirstAfterTheLastPlannedAndNow()
    {
        var start = new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(0, AlertPlanner.ReminderNumber(start, 15, start.AddMinutes(14).AddSeconds(59)));
        Assert.Equal(1, AlertPlanner.ReminderNumber(start, 15, start.AddMinutes(15)));
        Assert.Equal(3, AlertPlanner.ReminderNumber(start, 15, start.AddMinutes(50)));
        Assert.Equal(0, AlertPlanner.ReminderNumber(start, 15, start.AddMinutes(-5)));
        Assert.Equal(start.AddMinutes(45), AlertPlanner.ReminderDue(start, 15, 3));

        Assert.Equal((4, start.AddMinutes(60)), AlertPlanner.NextReminder(start, 15, planned: 3, after: start.AddMinutes(50)));
        Assert.Equal((5, start.AddMinutes(75)), AlertPlanner.NextReminder(start, 15, planned: 2, after: start.AddMinutes(60))); // exactly on a due time: the next one
        Assert.Equal((2, start.AddMinutes(30)), AlertPlanner.NextReminder(start, 15, planned: 1, after: start.AddMinutes(15)));
    }

    [Fact]
    public void AReminderReachesEveryoneNotifiedUnderOneKeyPerNumberAndWaitsOutQuietHoursInEitherMode()
    {
        var at = new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
        var reminder = Opened(at) with { Kind = AlertEventKind.StillDown, OccurredAt = at.AddMinutes(30) };
        NotifiedRecipient[] notified =
        [
            new(ChannelKind.Slack, "https://hooks.example.test/slack", null),
            new(ChannelKind.Sms, "+15551234567", null),
            new(ChannelKind.Sms, "+15551234567", null),
        ];
        var second = AlertPlanner.ForStillDown(reminder, 2, notified, Settings());
        Assert.Equal(2, second.Count);
        Assert.All(second, d => Assert.Equal(at.AddMinutes(30), d.NotBefore));
        Assert.All(second, d => Assert.StartsWith("incident:42:still_down:2:", d.IdempotencyKey, StringComparison.Ordinal));
        Assert.Equal(second.Select(d => d.IdempotencyKey), AlertPlanner.ForStillDown(reminder, 2, notified, Settings()).Select(d => d.IdempotencyKey));
        Assert.Empty(second.Select(d => d.IdempotencyKey).Intersect(AlertPlanner.ForStillDown(reminder, 3, notified, Settings()).Select(d => d.IdempotencyKey)));

        // 12:30 UTC inside quiet hours 12:00-13:00: held to 13:00 even for the SMS, whose step is high-priority.
        foreach (var mode in new[] { QuietHoursMode.HighPriorityOnly, QuietHoursMode.Silent })
        {
            var quiet = Settings(new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0), mode));
            Assert.All(AlertPlanner.ForStillDown(reminder, 2, notified, quiet), d => Assert.Equal(at.AddHours(1), d.NotBefore));
        }
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    [InlineData(7, true)]
    public void AMonitorIsFlappingWithMoreChangesThanTheRuleAllowsNotWithExactlyAsMany(int changes, bool flapping) =>
        Assert.Equal(flapping, AlertPlanner.IsFlapping(changes, FlappingRule.Default));

    [Fact]
    public void TheWindowOfChangesReachesBackItsMinutesButNotBeforeThePreviousEpisodesLastChange()
    {
        var at = new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
        var rule = new FlappingRule(5, 60, 10);
        Assert.Equal(at.AddMinutes(-60), AlertPlanner.FlappingWindowStart(at, rule, null));
        Assert.Equal(at.AddMinutes(-20), AlertPlanner.FlappingWindowStart(at, rule, at.AddMinutes(-20))); // the previous episode's last change
        Assert.Equal(at.AddMinutes(-60), AlertPlanner.FlappingWindowStart(at, rule, at.AddMinutes(-90)));
        Assert.Equal(at.AddMinutes(10), AlertPlanner.StableAt(at, 10));
    }

    [Fact]
    public void AFlappingAlertFollowsTheEscalationUnderTheEpisodesKeysAndTheStableAlertReachesThoseToldAtOnce()
    {
        var at = new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
        var flapping = Opened(at) with { Kind = AlertEventKind.Flapping, IncidentId = 77 };
        var plan = AlertPlanner.ForFlapping(flapping, Settings());
        Assert.Equal([0, 5, 15, 30], plan.Select(d => (int)(d.NotBefore - at).TotalMinutes));
        Assert.All(plan, d => Assert.StartsWith($"flapping:{flapping.MonitorId}:77:step", d.IdempotencyKey, StringComparison.Ordinal));
        Assert.Empty(plan.Select(d => d.IdempotencyKey).Intersect(AlertPlanner.ForOpening(flapping with { Kind = AlertEventKind.Opened }, Settings()).Select(d => d.IdempotencyKey)));

        var stable = flapping with { Kind = AlertEventKind.Stable, OccurredAt = at.AddMinutes(25) };
        var told = AlertPlanner.ForStable(stable, [new NotifiedRecipient(ChannelKind.Slack, "https://hooks.example.test/slack", null)]);
        var single = Assert.Single(told);
        Assert.Equal(at.AddMinutes(25), single.NotBefore);
        Assert.StartsWith($"flapping:{flapping.MonitorId}:77:stable:slack:", single.IdempotencyKey, StringComparison.Ordinal);
    }
}
