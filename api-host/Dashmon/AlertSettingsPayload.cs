using System.Globalization;
using System.Text.Json;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// Reads the body of PUT /api/projects/:projectId/alert-settings into <see cref="ProjectAlertSettings"/>: the whole
/// routing is replaced, parts left out are empty (no quiet hours, no rotation, no reminders, default flapping rule).
/// Shapes only; the workspace grain applies the rules (destinations, zone, ranges). Errors name the field path.
/// </summary>
public static class AlertSettingsPayload
{
    public const int MaxSteps = 10;

    public static (ProjectAlertSettings? Settings, Dictionary<string, string> Errors) Read(JsonElement root, DateTimeOffset now)
    {
        var fields = new JsonFields(root);
        var errors = fields.Errors;
        var settings = new ProjectAlertSettings(
            fields.String("timeZone", 64) ?? "UTC",
            ReadSteps(root, errors),
            JsonFields.Given(root, "quietHours") is { } quiet ? ReadQuietHours(quiet, errors) : null,
            JsonFields.Given(root, "onCall") is { } onCall ? ReadOnCall(onCall, errors, now) : null,
            fields.Integer("stillDownEveryMinutes"),
            JsonFields.Given(root, "flapping") is { } flapping ? ReadFlapping(flapping, errors) : FlappingRule.Default);
        return (errors.Count == 0 ? settings : null, errors);
    }

    private static List<EscalationStep> ReadSteps(JsonElement root, Dictionary<string, string> errors)
    {
        var steps = new List<EscalationStep>();
        if (JsonFields.Given(root, "escalation") is not { } list)
        {
            return steps;
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > MaxSteps)
        {
            errors["escalation"] = $"escalation must be an array of at most {MaxSteps} steps";
            return steps;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"escalation[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors[path] = "each escalation step must be an object";
                continue;
            }

            var step = new JsonFields(item);
            var channelText = step.String("channel", 32);
            var destination = step.String("destination", 2048);
            var secret = step.String("secret", 256);
            var delay = step.Integer("delayMinutes") ?? 0;
            var highPriority = step.Boolean("highPriority") ?? false;
            if (!ChannelNames.TryParse(channelText, out var channel) || channel == ChannelKind.InApp)
            {
                step.Errors.TryAdd("channel", "channel must be one of webhook, slack, teams, discord, pagerduty, email, sms, voice");
            }

            if (destination is null && channel != ChannelKind.PagerDuty)
            {
                step.Errors.TryAdd("destination", "destination is required");
            }

            Merge(step.Errors, errors, path);
            steps.Add(new EscalationStep(delay, channel, destination ?? string.Empty, secret, highPriority));
        }

        return steps;
    }

    private static QuietHours? ReadQuietHours(JsonElement element, Dictionary<string, string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors["quietHours"] = "quietHours must be an object or null";
            return null;
        }

        var fields = new JsonFields(element);
        var start = Time(fields, "start");
        var end = Time(fields, "end");
        var modeText = fields.String("mode", 32) ?? "high_priority_only";
        QuietHoursMode? mode = modeText switch
        {
            "high_priority_only" => QuietHoursMode.HighPriorityOnly,
            "silent" => QuietHoursMode.Silent,
            _ => null,
        };
        if (mode is null)
        {
            fields.Errors.TryAdd("mode", "mode must be high_priority_only or silent");
        }

        if (start is not null && start == end)
        {
            fields.Errors.TryAdd("end", "end must differ from start");
        }

        Merge(fields.Errors, errors, "quietHours");
        return start is { } s && end is { } e && mode is { } m ? new QuietHours(s, e, m) : null;
    }

    private static OnCallSchedule? ReadOnCall(JsonElement element, Dictionary<string, string> errors, DateTimeOffset now)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors["onCall"] = "onCall must be an object or null";
            return null;
        }

        var fields = new JsonFields(element);
        var members = fields.StringList("members", 50);
        if (members is null)
        {
            fields.Errors.TryAdd("members", "members is required: the member emails in rotation order");
        }

        var dayText = fields.String("handoffDay", 16) ?? "monday";
        if (!Enum.TryParse<DayOfWeek>(dayText, ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(dayText, out _))
        {
            fields.Errors.TryAdd("handoffDay", "handoffDay must be a weekday name (monday … sunday)");
        }

        var time = fields.String("handoffTime", 5) is null ? new TimeOnly(9, 0) : Time(fields, "handoffTime");
        Merge(fields.Errors, errors, "onCall");
        return members is not null && time is { } at ? new OnCallSchedule(members, day, at, now) : null;
    }

    private static FlappingRule ReadFlapping(JsonElement element, Dictionary<string, string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors["flapping"] = "flapping must be an object";
            return FlappingRule.Default;
        }

        var fields = new JsonFields(element);
        var rule = new FlappingRule(
            fields.Integer("changes") ?? FlappingRule.Default.Changes,
            fields.Integer("windowMinutes") ?? FlappingRule.Default.WindowMinutes,
            fields.Integer("stableMinutes") ?? FlappingRule.Default.StableMinutes);
        Merge(fields.Errors, errors, "flapping");
        return rule;
    }

    private static TimeOnly? Time(JsonFields fields, string name)
    {
        var text = fields.String(name, 5);
        if (text is not null && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        fields.Errors.TryAdd(name, $"{name} must be a local time as HH:mm");
        return null;
    }

    private static void Merge(Dictionary<string, string> from, Dictionary<string, string> into, string path)
    {
        foreach (var (field, message) in from)
        {
            into[$"{path}.{field}"] = message;
        }
    }
}
