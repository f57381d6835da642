namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>What reading or saving a project's alert settings came to.</summary>
/// <param name="Settings">The settings as stored (secrets included: the caller decides what to show), or null.</param>
/// <param name="OnCallNow">The member on call now, when there is a rotation.</param>
/// <param name="Errors">Field errors of a refused save (field path to message).</param>
/// <param name="ProjectNotFound">No such project in the caller's view.</param>
[GenerateSerializer, Alias("OrleansMonitor.AlertSettingsOutcome")]
public sealed record AlertSettingsOutcome(
    [property: Id(0)] ProjectAlertSettings? Settings,
    [property: Id(1)] string? OnCallNow = null,
    [property: Id(2)] IReadOnlyDictionary<string, string>? Errors = null,
    [property: Id(3)] bool ProjectNotFound = false)
{
    public static AlertSettingsOutcome Missing { get; } = new(null, ProjectNotFound: true);
}
