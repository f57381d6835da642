namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>One page of a workspace's feed, newest first, with the feed's size and the member's unread count.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.NotificationPage")]
public sealed record NotificationPage(
    [property: Id(0)] IReadOnlyList<NotificationEntry> Notifications,
    [property: Id(1)] long Total,
    [property: Id(2)] long UnreadCount);
