using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>One escalation step of <see cref="AlertSettingsRequest"/>.</summary>
public sealed record EscalationStepRequest
{
    [Description("Minutes after the incident opened (0–10080), while unacknowledged.")]
    public int? DelayMinutes { get; init; }

    [Description("webhook, slack, teams, discord, pagerduty, email, sms or voice.")]
    public required string Channel { get; init; }

    [Description("An http(s) URL (webhook kinds), an email address, an E.164 phone number, or on-call (email: the member on call); not used by pagerduty.")]
    public string? Destination { get; init; }

    [Description("The generic webhook's signing secret or PagerDuty's routing key; never shown back.")]
    public string? Secret { get; init; }

    [Description("Sent during quiet hours in high_priority_only mode.")]
    public bool? HighPriority { get; init; }
}
