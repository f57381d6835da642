namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>A webhook as its workspace's members see it.</summary>
/// <param name="Token">The secret of its inbound URL (<c>/hooks/{token}</c>); shown to members, never logged.</param>
/// <param name="Active">Inbound posts are taken (disabled webhooks answer not found).</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.WebhookInfo")]
public sealed record WebhookInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Alias,
    [property: Id(3)] string Description,
    [property: Id(4)] bool Active,
    [property: Id(5)] IReadOnlyList<NotificationType> NotificationTypes,
    [property: Id(6)] WebhookTargets Targets,
    [property: Id(7)] string Token,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] WebhookStatistics Statistics);
