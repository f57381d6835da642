using System.Security.Cryptography;
using System.Text;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// Turns an incident event and its project's alert settings into the deliveries the outbox records. Planning is
/// deterministic: the same event planned twice (a crash between recording and marking it planned) gives the same
/// idempotency keys, so the outbox keeps one of each.
/// <list type="bullet">
/// <item>Opening: one delivery per escalation step, due at the opening plus the step's delay; a step that comes due
/// inside quiet hours waits for their end unless it is high-priority and the mode lets those through. The member on
/// call is the one on call when the step is due.</item>
/// <item>Resolution: one delivery to every destination that was sent the opening, due at once (quiet hours do not hold
/// back good news about an alert that got through).</item>
/// <item>Workspace rules: one delivery per recipient of the email and SMS rules covering the project, at the opening.</item>
/// <item>Test-sends: one delivery per destination, due at once.</item>
/// <item>Still down: reminder n of an open, unacknowledged incident is due n times the project's interval after it
/// started and goes to every destination that was sent the opening; reminders are never high-priority, so quiet hours
/// (either mode) hold them back to their end, and the cadence resumes after the one released then.</item>
/// <item>Flapping: more than <see cref="FlappingRule.Changes"/> state changes within the window make an opening the
/// start of an episode; its one flapping alert follows the escalation like an opening (delays, quiet hours, on call).
/// The episode's end tells everyone who was sent the flapping alert that the monitor is stable, due at once.</item>
/// </list>
/// </summary>
public static class AlertPlanner
{
    public static IReadOnlyList<NewDelivery> ForOpening(AlertEvent opened, ProjectAlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(opened);
        return Escalate(opened, settings, $"{Subject(opened)}:opened");
    }

    /// <summary>
    /// The one flapping alert of an episode, to each escalation destination at its step's delay after
    /// <paramref name="flapping"/>'s time; keyed by the monitor and the episode (the incident that began it).
    /// </summary>
    public static IReadOnlyList<NewDelivery> ForFlapping(AlertEvent flapping, ProjectAlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(flapping);
        return Escalate(flapping, settings, EpisodeSubject(flapping));
    }

    /// <summary>The end of a flapping episode, to everyone who was sent its flapping alert, due at once.</summary>
    public static IReadOnlyList<NewDelivery> ForStable(AlertEvent stable, IEnumerable<NotifiedRecipient> notified)
    {
        ArgumentNullException.ThrowIfNull(stable);
        return ToNotified(stable, notified, $"{EpisodeSubject(stable)}:stable", stable.OccurredAt);
    }

    /// <summary>
    /// Reminder <paramref name="number"/> (1 for the first) that an incident is still down, to everyone who was sent its
    /// opening, due at the reminder's time or at the end of the quiet hours it falls in (<see cref="ReleaseReminder"/>).
    /// </summary>
    public static IReadOnlyList<NewDelivery> ForStillDown(AlertEvent reminder, int number, IEnumerable<NotifiedRecipient> notified, ProjectAlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return ToNotified(reminder, notified, $"{Subject(reminder)}:still_down:{number}", ReleaseReminder(reminder.OccurredAt, settings));
    }

    /// <summary>The number of the latest reminder due at <paramref name="now"/> (0: none yet) for an incident that started at <paramref name="startedAt"/>.</summary>
    public static int ReminderNumber(DateTimeOffset startedAt, int everyMinutes, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(everyMinutes, 1);
        return now <= startedAt ? 0 : (int)Math.Min(int.MaxValue, (now - startedAt).Ticks / TimeSpan.FromMinutes(everyMinutes).Ticks);
    }

    /// <summary>When reminder <paramref name="number"/> is due.</summary>
    public static DateTimeOffset ReminderDue(DateTimeOffset startedAt, int everyMinutes, int number) =>
        startedAt + TimeSpan.FromMinutes((double)everyMinutes * number);

    /// <summary>The first reminder due strictly after <paramref name="after"/> and after reminder <paramref name="planned"/>: its number and time.</summary>
    public static (int Number, DateTimeOffset Due) NextReminder(DateTimeOffset startedAt, int everyMinutes, int planned, DateTimeOffset after)
    {
        var number = Math.Max(planned, ReminderNumber(startedAt, everyMinutes, after)) + 1;
        return (number, ReminderDue(startedAt, everyMinutes, number));
    }

    /// <summary>When a reminder due at <paramref name="due"/> may go: reminders are never high-priority.</summary>
    public static DateTimeOffset ReleaseReminder(DateTimeOffset due, ProjectAlertSettings settings) => Release(due, highPriority: false, settings);

    /// <summary>Whether <paramref name="changes"/> state changes within the rule's window make the monitor flapping: more than <see cref="FlappingRule.Changes"/>.</summary>
    public static bool IsFlapping(long changes, FlappingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return changes > rule.Changes;
    }

    /// <summary>
    /// Where the window of state changes counted at <paramref name="at"/> begins (exclusive): the rule's window back, but
    /// never before the last change of the monitor's previous episode (its changes were collapsed already).
    /// </summary>
    public static DateTimeOffset FlappingWindowStart(DateTimeOffset at, FlappingRule rule, DateTimeOffset? previousEpisodeLastChange)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var start = at.AddMinutes(-rule.WindowMinutes);
        return previousEpisodeLastChange is { } last && last > start ? last : start;
    }

    /// <summary>When an episode whose last state change was at <paramref name="lastChange"/> is over if nothing changes until then.</summary>
    public static DateTimeOffset StableAt(DateTimeOffset lastChange, int stableMinutes) => lastChange.AddMinutes(stableMinutes);

    private static List<NewDelivery> Escalate(AlertEvent alert, ProjectAlertSettings settings, string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var deliveries = new List<NewDelivery>();
        for (var index = 0; index < settings.Escalation.Count; index++)
        {
            var step = settings.Escalation[index];
            var due = Release(alert.OccurredAt.AddMinutes(step.DelayMinutes), step, settings);
            var destination = step.Destination == EscalationStep.OnCall
                ? OnCallRotation.Current(settings.OnCall, settings.TimeZone, due)
                : step.Destination;
            if (destination is null)
            {
                continue; // nobody on call: the rotation was emptied after the step was saved
            }

            deliveries.Add(new NewDelivery(
                alert.WorkspaceId,
                step.Channel,
                destination,
                step.Secret,
                alert,
                $"{keyPrefix}:step{index}:{ChannelNames.Of(step.Channel)}",
                due));
        }

        return deliveries;
    }

    public static IReadOnlyList<NewDelivery> ForResolution(AlertEvent resolved, IEnumerable<NotifiedRecipient> notified)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        return ToNotified(resolved, notified, $"{Subject(resolved)}:resolved", resolved.OccurredAt);
    }

    /// <summary>
    /// Opening alerts of the workspace's email and SMS rules that cover the incident's project: one per recipient, due
    /// at the opening or when the project's quiet hours end (an SMS counts as high priority, an email does not).
    /// </summary>
    public static IReadOnlyList<NewDelivery> ForRules(
        AlertEvent opened, IReadOnlyDictionary<ChannelKind, WorkspaceAlertRule> rules, Guid? projectId, ProjectAlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(settings);
        return
        [
            .. rules
                .Where(rule => rule.Value.Covers(projectId))
                .SelectMany(rule => rule.Value.Recipients.Select(recipient => (Channel: rule.Key, Recipient: recipient)))
                .Select(r => new NewDelivery(
                    opened.WorkspaceId,
                    r.Channel,
                    r.Recipient,
                    null,
                    opened,
                    $"{Subject(opened)}:opened:rule:{ChannelNames.Of(r.Channel)}:{Fingerprint(r.Recipient)}",
                    Release(opened.OccurredAt, highPriority: r.Channel == ChannelKind.Sms, settings))),
        ];
    }

    /// <summary>A test alert to each of <paramref name="destinations"/> (once per channel and destination), due at once.</summary>
    /// <param name="test">The test event.</param>
    /// <param name="destinations">Where to send it.</param>
    /// <param name="sendId">Unique per test-send: its deliveries' keys start with it.</param>
    public static IReadOnlyList<NewDelivery> ForTest(AlertEvent test, IEnumerable<NotifiedRecipient> destinations, Guid sendId)
    {
        ArgumentNullException.ThrowIfNull(test);
        return ToNotified(test, destinations, $"test:{sendId:N}", test.OccurredAt);
    }

    /// <summary>When a step due at <paramref name="due"/> may go: at once, or at the end of the quiet hours it falls in.</summary>
    public static DateTimeOffset Release(DateTimeOffset due, EscalationStep step, ProjectAlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Release(due, step.HighPriority, settings);
    }

    private static DateTimeOffset Release(DateTimeOffset due, bool highPriority, ProjectAlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.QuietHours is not { } quiet || (highPriority && quiet.Mode == QuietHoursMode.HighPriorityOnly))
        {
            return due;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(due, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!quiet.Covers(time))
        {
            return due;
        }

        var endDate = time < quiet.End ? local.Date : local.Date.AddDays(1);
        var end = endDate + quiet.End.ToTimeSpan();
        while (zone.IsInvalidTime(end))
        {
            end = end.AddMinutes(30); // the end falls into a daylight-saving gap: the first valid wall-clock time after it
        }

        return new DateTimeOffset(end, zone.GetUtcOffset(end)).ToUniversalTime();
    }

    private static List<NewDelivery> ToNotified(AlertEvent alert, IEnumerable<NotifiedRecipient> notified, string keyPrefix, DateTimeOffset due)
    {
        ArgumentNullException.ThrowIfNull(notified);
        return
        [
            .. notified
                .DistinctBy(r => (r.Channel, r.Destination))
                .Select(r => new NewDelivery(
                    alert.WorkspaceId,
                    r.Channel,
                    r.Destination,
                    r.Secret,
                    alert,
                    $"{keyPrefix}:{ChannelNames.Of(r.Channel)}:{Fingerprint(r.Destination)}",
                    due)),
        ];
    }

    private static string EpisodeSubject(AlertEvent alert) => $"flapping:{alert.MonitorId}:{alert.IncidentId}";

    private static string Subject(AlertEvent alert) =>
        alert.IncidentId is { } incident ? $"incident:{incident}" : $"event:{alert.MonitorId}:{alert.OccurredAt.ToUnixTimeMilliseconds()}";

    private static string Fingerprint(string destination) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(destination)))[..16];
}
