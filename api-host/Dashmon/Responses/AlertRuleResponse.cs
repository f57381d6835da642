using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A workspace's email or SMS alert rule, as GET and PUT /api/alerts/email and /api/alerts/sms answer it.</summary>
public sealed record AlertRuleResponse(bool Enabled, IReadOnlyList<string> Recipients, IReadOnlyList<Guid> ProjectIds) : SuccessResponse
{
    public static AlertRuleResponse Of(WorkspaceAlertRule rule) => new(rule.Enabled, rule.Recipients, rule.ProjectIds);
}
