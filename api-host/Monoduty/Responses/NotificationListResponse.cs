using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>The answer of <c>GET /api/notifications</c>: one page, newest first, the feed's size and the caller's unread count.</summary>
public sealed record NotificationListResponse(
    [property: JsonPropertyName("notifications")] IReadOnlyList<NotificationView> Notifications,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("unread_count")] long UnreadCount,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("limit")] int Limit) : SuccessResponse;
