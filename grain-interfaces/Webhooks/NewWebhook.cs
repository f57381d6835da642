namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>A webhook to create, as the caller gave it (the grain checks and cleans it).</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.NewWebhook")]
public sealed record NewWebhook(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] IReadOnlyList<NotificationType> NotificationTypes,
    [property: Id(3)] WebhookTargets Targets);
