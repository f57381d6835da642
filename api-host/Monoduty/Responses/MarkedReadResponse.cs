using System.ComponentModel;
using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>The answer of <c>POST /api/notifications/mark-all-read</c>.</summary>
public sealed record MarkedReadResponse([property: JsonPropertyName("marked"), Description("Notifications that were unread.")] long Marked) : SuccessResponse;
