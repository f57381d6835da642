namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>One in-app notification as a member sees it.</summary>
/// <param name="Kind">What it tells, as the alert's event name (<c>inbound</c>, <c>test</c>, <c>opened</c>).</param>
/// <param name="Read">The member has marked it read.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.NotificationEntry")]
public sealed record NotificationEntry(
    [property: Id(0)] long Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Message,
    [property: Id(3)] string Kind,
    [property: Id(4)] bool Read,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] Guid? WebhookId,
    [property: Id(7)] long? IncidentId);
