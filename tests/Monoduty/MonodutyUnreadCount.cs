using System.Text.Json.Serialization;

namespace OrleansMonitor.Tests.Monoduty;

public sealed record MonodutyUnreadCount(bool Success, [property: JsonPropertyName("unread_count")] long UnreadCount);
