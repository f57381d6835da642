using System.Text.Json.Serialization;

namespace OrleansMonitor.Tests.Monoduty;

public sealed record MonodutyDeliveries(
    bool Success,
    [property: JsonPropertyName("call_id")] string CallId,
    [property: JsonPropertyName("delivery_ids")] IReadOnlyList<string> DeliveryIds);
