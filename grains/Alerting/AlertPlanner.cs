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
/// </list>
/// </summary>
public static class AlertPlanner
{
    public static IReadOnlyList<NewDelivery> ForOpening(AlertEvent opened, ProjectAlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(settings);
        var deliveries = new List<NewDelivery>();
        for (var index = 0; index < settings.Escalation.Count; index++)
        {
            var step = settings.Escalation[index];
            var due = Release(opened.OccurredAt.AddMinutes(step.DelayMinutes), step, settings);
            var destination = step.Destination == EscalationStep.OnCall
                ? OnCallRotation.Current(settings.OnCall, settings.TimeZone, due)
                : step.Destination;
            if (destination is null)
            {
                continue; // nobody on call: the rotation was emptied after the step was saved
            }

            deliveries.Add(new NewDelivery(
                opened.WorkspaceId,
                step.Channel,
                destination,
                step.Secret,
                opened,
                $"{Subject(opened)}:opened:step{index}:{ChannelNames.Of(step.Channel)}",
                due));
        }

        return deliveries;
    }

    public static IReadOnlyList<NewDelivery> ForResolution(AlertEvent resolved, IEnumerable<NotifiedRecipient> notified)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(notified);
        return
        [
            .. notified
                .DistinctBy(r => (r.Channel, r.Destination))
                .Select(r => new NewDelivery(
                    resolved.WorkspaceId,
                    r.Channel,
                    r.Destination,
                    r.Secret,
                    resolved,
                    $"{Subject(resolved)}:resolved:{ChannelNames.Of(r.Channel)}:{Fingerprint(r.Destination)}",
                    resolved.OccurredAt)),
        ];
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
                    Release(opened.OccurredAt, new EscalationStep(0, r.Channel, r.Recipient, null, HighPriority: r.Channel == ChannelKind.Sms), settings))),
        ];
    }

    /// <summary>A test alert to each of <paramref name="destinations"/> (once per channel and destination), due at once.</summary>
    /// <param name="test">The test event.</param>
    /// <param name="destinations">Where to send it.</param>
    /// <param name="sendId">Unique per test-send: its deliveries' keys start with it.</param>
    public static IReadOnlyList<NewDelivery> ForTest(AlertEvent test, IEnumerable<NotifiedRecipient> destinations, Guid sendId)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(destinations);
        return
        [
            .. destinations
                .DistinctBy(d => (d.Channel, d.Destination))
                .Select(d => new NewDelivery(
                    test.WorkspaceId,
                    d.Channel,
                    d.Destination,
                    d.Secret,
                    test,
                    $"test:{sendId:N}:{ChannelNames.Of(d.Channel)}:{Fingerprint(d.Destination)}",
                    test.OccurredAt)),
        ];
    }

    /// <summary>When a step due at <paramref name="due"/> may go: at once, or at the end of the quiet hours it falls in.</summary>
    public static DateTimeOffset Release(DateTimeOffset due, EscalationStep step, ProjectAlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.QuietHours is not { } quiet || (step.HighPriority && quiet.Mode == QuietHoursMode.HighPriorityOnly))
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

    private static string Subject(AlertEvent alert) =>
        alert.IncidentId is { } incident ? $"incident:{incident}" : $"event:{alert.MonitorId}:{alert.OccurredAt.ToUnixTimeMilliseconds()}";

    private static string Fingerprint(string destination) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(destination)))[..16];
}
