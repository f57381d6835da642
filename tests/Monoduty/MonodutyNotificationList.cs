using System.Text.Json.Serialization;

namespace OrleansMonitor.Tests.Monoduty;

public sealed record MonodutyNotificationList(
    bool Success,
    IReadOnlyList<MonodutyNotification> Notifications,
    long Total,
    [property: JsonPropertyName("unread_count")] long UnreadCount,
    int Page,
    int Limit);
