namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>Where a webhook's alerts go, per channel; null where none is given.</summary>
/// <param name="Email">The address EMAIL alerts go to.</param>
/// <param name="Sms">The E.164 number SMS alerts go to.</param>
/// <param name="Call">The E.164 number CALL alerts ring; the SMS number when null.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.WebhookTargets")]
public sealed record WebhookTargets(
    [property: Id(0)] string? Email,
    [property: Id(1)] string? Sms,
    [property: Id(2)] string? Call)
{
    public static WebhookTargets None { get; } = new(null, null, null);
}
