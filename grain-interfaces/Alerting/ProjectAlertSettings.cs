namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>
/// How a project's incidents reach people: escalation steps, quiet hours and the on-call rotation (both in
/// <see cref="TimeZone"/>), "still down" reminders and the flapping rule.
/// </summary>
/// <param name="TimeZone">IANA zone of the quiet hours and hand-offs.</param>
/// <param name="Escalation">Steps in the order they are due (at most <c>AlertSettingsLimits.Steps</c>).</param>
/// <param name="QuietHours">When alerts are held back, or null.</param>
/// <param name="OnCall">The rotation behind <see cref="EscalationStep.OnCall"/> destinations, or null.</param>
/// <param name="StillDownEveryMinutes">Remind every N minutes while an incident stays open, or null for never.</param>
/// <param name="Flapping">When state changes collapse into one flapping alert.</param>
[GenerateSerializer, Alias("OrleansMonitor.ProjectAlertSettings")]
public sealed record ProjectAlertSettings(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] IReadOnlyList<EscalationStep> Escalation,
    [property: Id(2)] QuietHours? QuietHours,
    [property: Id(3)] OnCallSchedule? OnCall,
    [property: Id(4)] int? StillDownEveryMinutes,
    [property: Id(5)] FlappingRule Flapping)
{
    /// <summary>What a project without settings has: nobody is alerted.</summary>
    public static ProjectAlertSettings None { get; } = new("UTC", [], null, null, null, FlappingRule.Default);
}
