using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// What a workspace alert rule may hold: at most <see cref="WorkspaceAlertRule.MaxRecipients"/> recipients, each an
/// email address (email rule) or an E.164 number (SMS rule), trimmed and without repeats; project ids without repeats.
/// Field errors use the request's paths ("recipients[2]").
/// </summary>
public static class AlertRecipientRules
{
    public const int MaxProjects = 100;

    public static bool TryNormalize(ChannelKind channel, WorkspaceAlertRule rule, out WorkspaceAlertRule normalized, out Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(rule);
        errors = new Dictionary<string, string>(StringComparer.Ordinal);
        normalized = rule;
        if (channel is not (ChannelKind.Email or ChannelKind.Sms))
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "alert rules exist for email and SMS");
        }

        if (rule.Recipients.Count > WorkspaceAlertRule.MaxRecipients)
        {
            errors["recipients"] = $"recipients must hold at most {WorkspaceAlertRule.MaxRecipients} entries";
            return false;
        }

        if (rule.ProjectIds.Count > MaxProjects)
        {
            errors["projectIds"] = $"projectIds must hold at most {MaxProjects} entries";
            return false;
        }

        var recipients = new List<string>();
        for (var i = 0; i < rule.Recipients.Count; i++)
        {
            var recipient = (rule.Recipients[i] ?? string.Empty).Trim();
            var valid = channel == ChannelKind.Email ? EmailAddress.IsValid(recipient) : PhoneNumber.IsValid(recipient);
            if (!valid)
            {
                errors[$"recipients[{i}]"] = channel == ChannelKind.Email
                    ? "each recipient must be an email address"
                    : "each recipient must be a phone number in E.164 form (+15551234567)";
            }
            else if (!recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))
            {
                recipients.Add(recipient);
            }
        }

        if (rule.Enabled && rule.Recipients.Count == 0)
        {
            errors["recipients"] = "an enabled rule needs at least one recipient";
        }

        normalized = rule with { Recipients = recipients, ProjectIds = [.. rule.ProjectIds.Distinct()] };
        return errors.Count == 0;
    }
}
