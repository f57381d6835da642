using System.Text.Json.Serialization;

namespace OrleansMonitor.Tests.Monoduty;

public sealed record MonodutyWebhookStatistics(
    [property: JsonPropertyName("total_calls")] long TotalCalls,
    [property: JsonPropertyName("successful_calls")] long SuccessfulCalls,
    [property: JsonPropertyName("failed_calls")] long FailedCalls);
