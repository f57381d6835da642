namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>What creating a webhook came to: the webhook, or the field errors, or the workspace's limit.</summary>
/// <param name="Errors">Field path (<c>name</c>, <c>targetChannels.email</c>) to message.</param>
/// <param name="LimitReached">The workspace has <see cref="Limit"/> webhooks already.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.WebhookOutcome")]
public sealed record WebhookOutcome(
    [property: Id(0)] WebhookInfo? Webhook,
    [property: Id(1)] IReadOnlyDictionary<string, string>? Errors = null,
    [property: Id(2)] bool LimitReached = false,
    [property: Id(3)] int Limit = 0);
