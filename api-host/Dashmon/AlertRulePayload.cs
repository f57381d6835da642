using System.Text.Json;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// Reads the body of PUT /api/alerts/email and /api/alerts/sms into a <see cref="WorkspaceAlertRule"/>: the whole rule
/// is replaced (<c>enabled</c>, <c>recipients</c>, <c>projectIds</c>; what is left out is off or empty). Shapes only;
/// the alert-rules grain checks the recipients.
/// </summary>
public static class AlertRulePayload
{
    private const int MaxRecipientLength = 254;

    public static (WorkspaceAlertRule? Rule, Dictionary<string, string> Errors) Read(JsonElement root)
    {
        var fields = new JsonFields(root);
        var enabled = fields.Boolean("enabled") ?? false;
        var recipients = fields.StringList("recipients", WorkspaceAlertRule.MaxRecipients) ?? [];
        var projects = fields.StringList("projectIds", 100) ?? [];
        var errors = fields.Errors;
        if (recipients.Any(r => r.Length > MaxRecipientLength))
        {
            errors["recipients"] = $"each recipient must be at most {MaxRecipientLength} characters";
        }

        var projectIds = new List<Guid>();
        foreach (var project in projects)
        {
            if (Guid.TryParse(project, out var id))
            {
                projectIds.Add(id);
            }
            else
            {
                errors["projectIds"] = "projectIds must be project ids";
            }
        }

        return (errors.Count == 0 ? new WorkspaceAlertRule(enabled, recipients, projectIds) : null, errors);
    }
}
