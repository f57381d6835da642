using OrleansMonitor.Grains.Probes.Egress;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// What a project's alert settings may hold, checked where they are stored: every escalation step names a destination
/// its channel can reach (an http(s) URL the egress policy allows, an email address, an E.164 phone number, or the
/// member on call when there is a rotation), PagerDuty steps carry a routing key, the time zone exists, and every
/// number lies in its range. Field errors use the request's paths ("escalation[1].destination").
/// </summary>
public static class AlertSettingsRules
{
    public const int MaxSteps = 10;
    public const int MaxDelayMinutes = 7 * 24 * 60;
    public const int MaxOnCallMembers = 50;
    public const int MaxUrlLength = 2048;
    public const int MaxSecretLength = 256;

    private static readonly ChannelKind[] WebhookKinds = [ChannelKind.Webhook, ChannelKind.Slack, ChannelKind.Teams, ChannelKind.Discord];
    private static readonly ChannelKind[] PersonKinds = [ChannelKind.Email, ChannelKind.Sms, ChannelKind.Voice];

    public static bool TryNormalize(
        ProjectAlertSettings settings, EgressPolicy egress, out ProjectAlertSettings normalized, out IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(egress);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var zone = (settings.TimeZone ?? string.Empty).Trim();
        if (zone.Length == 0)
        {
            zone = "UTC";
        }
        else if (zone.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            found["timeZone"] = "timeZone must be an IANA time zone such as Europe/Berlin";
        }

        var onCall = NormalizeOnCall(settings.OnCall, found);
        var steps = new List<EscalationStep>();
        var given = settings.Escalation ?? [];
        if (given.Count > MaxSteps)
        {
            found["escalation"] = $"at most {MaxSteps} escalation steps";
        }

        for (var i = 0; i < Math.Min(given.Count, MaxSteps); i++)
        {
            if (NormalizeStep(given[i], $"escalation[{i}]", onCall is not null, egress, found) is { } step)
            {
                steps.Add(step);
            }
        }

        if (settings.StillDownEveryMinutes is { } every && (every < 5 || every > 24 * 60))
        {
            found["stillDownEveryMinutes"] = "stillDownEveryMinutes must be between 5 and 1440, or null for no reminders";
        }

        var flapping = settings.Flapping ?? FlappingRule.Default;
        if (flapping.Changes is < 2 or > 100)
        {
            found["flapping.changes"] = "flapping.changes must be between 2 and 100";
        }

        if (flapping.WindowMinutes is < 1 or > 24 * 60)
        {
            found["flapping.windowMinutes"] = "flapping.windowMinutes must be between 1 and 1440";
        }

        if (flapping.StableMinutes is < 1 or > 24 * 60)
        {
            found["flapping.stableMinutes"] = "flapping.stableMinutes must be between 1 and 1440";
        }

        errors = found;
        normalized = new ProjectAlertSettings(
            zone,
            [.. steps.OrderBy(s => s.DelayMinutes)],
            settings.QuietHours,
            onCall,
            settings.StillDownEveryMinutes,
            flapping);
        return found.Count == 0;
    }

    private static OnCallSchedule? NormalizeOnCall(OnCallSchedule? schedule, Dictionary<string, string> errors)
    {
        if (schedule is null)
        {
            return null;
        }

        var members = new List<string>();
        var given = schedule.Members ?? [];
        if (given.Count is 0 or > MaxOnCallMembers)
        {
            errors["onCall.members"] = $"onCall.members must list between 1 and {MaxOnCallMembers} member emails";
        }

        for (var i = 0; i < Math.Min(given.Count, MaxOnCallMembers); i++)
        {
            if (NormalizeEmail(given[i]) is { } email)
            {
                members.Add(email);
            }
            else
            {
                errors[$"onCall.members[{i}]"] = "must be an email address";
            }
        }

        if (!Enum.IsDefined(schedule.HandoffDay))
        {
            errors["onCall.handoffDay"] = "onCall.handoffDay must be a weekday name";
        }

        return schedule with { Members = members };
    }

    private static EscalationStep? NormalizeStep(EscalationStep? step, string path, bool hasRotation, EgressPolicy egress, Dictionary<string, string> errors)
    {
        if (step is null)
        {
            errors[path] = "must be an object";
            return null;
        }

        var count = errors.Count;
        if (step.DelayMinutes is < 0 or > MaxDelayMinutes)
        {
            errors[$"{path}.delayMinutes"] = $"delayMinutes must be between 0 and {MaxDelayMinutes}";
        }

        var destination = StoredText.Clean(step.Destination, MaxUrlLength).Trim();
        var secret = step.Secret is null ? null : StoredText.Clean(step.Secret, MaxSecretLength).Trim();
        var destinationPath = $"{path}.destination";
        switch (step.Channel)
        {
            case var kind when WebhookKinds.Contains(kind):
                if (!IsHttpUrl(destination))
                {
                    errors[destinationPath] = "destination must be an http(s) URL";
                }
                else if (egress.RefusalForUrl(destination) is { } refused)
                {
                    errors[destinationPath] = refused;
                }

                break;
            case ChannelKind.PagerDuty:
                destination = string.Empty; // the Events API URL is configuration; the routing key picks the service
                if (string.IsNullOrEmpty(secret))
                {
                    errors[$"{path}.secret"] = "a PagerDuty step needs its integration's routing key as secret";
                }

                break;
            case ChannelKind.Email when destination == EscalationStep.OnCall:
                if (!hasRotation)
                {
                    errors[destinationPath] = "on-call needs an onCall rotation";
                }

                break;
            case ChannelKind.Email:
                if (NormalizeEmail(destination) is { } email)
                {
                    destination = email;
                }
                else
                {
                    errors[destinationPath] = "destination must be an email address or on-call";
                }

                break;
            case ChannelKind.Sms or ChannelKind.Voice:
                if (!PhoneNumber.IsValid(destination))
                {
                    errors[destinationPath] = "destination must be a phone number in E.164 form (+15551234567)";
                }

                break;
            default:
                errors[$"{path}.channel"] = "channel must be one of " + string.Join(", ", WebhookKinds.Append(ChannelKind.PagerDuty).Concat(PersonKinds).Select(ChannelNames.Of));
                break;
        }

        return errors.Count == count ? step with { Destination = destination, Secret = string.IsNullOrEmpty(secret) ? null : secret } : null;
    }

    private static bool IsHttpUrl(string text) =>
        text.Length > 0 && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    private static string? NormalizeEmail(string? text)
    {
        var email = (text ?? string.Empty).Trim();
        return EmailAddress.IsValid(email) ? email : null;
    }
}
