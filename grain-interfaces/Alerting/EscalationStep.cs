namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>
/// One step of a project's escalation: <see cref="DelayMinutes"/> after an incident opens and while nobody has
/// acknowledged it, an alert goes over <see cref="Channel"/> to <see cref="Destination"/>.
/// </summary>
/// <param name="DelayMinutes">Minutes after the incident opened (0: at once).</param>
/// <param name="Channel">How it is sent.</param>
/// <param name="Destination">A webhook URL (Slack, Teams, Discord, generic, PagerDuty's is configured), an email address, a
/// phone number in E.164 form, or <see cref="OnCall"/> for the member on call (email: members are known by their address).</param>
/// <param name="Secret">The generic webhook's signing secret or PagerDuty's routing key; never shown back.</param>
/// <param name="HighPriority">Sent even during quiet hours in <see cref="QuietHoursMode.HighPriorityOnly"/> mode.</param>
[GenerateSerializer, Alias("OrleansMonitor.EscalationStep")]
public sealed record EscalationStep(
    [property: Id(0)] int DelayMinutes,
    [property: Id(1)] ChannelKind Channel,
    [property: Id(2)] string Destination,
    [property: Id(3)] string? Secret,
    [property: Id(4)] bool HighPriority)
{
    /// <summary>The destination that means "whoever is on call when the step is due".</summary>
    public const string OnCall = "on-call";
}
