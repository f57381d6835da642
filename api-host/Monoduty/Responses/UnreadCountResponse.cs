using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>The answer of <c>GET /api/notifications/unread-count</c>.</summary>
public sealed record UnreadCountResponse([property: JsonPropertyName("unread_count")] long UnreadCount) : SuccessResponse;
