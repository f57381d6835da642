using System.ComponentModel;
using System.Text.Json.Serialization;
using OrleansMonitor.GrainInterfaces.Webhooks;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>A webhook's calls (<c>statistics</c>): calls whose deliveries are still pending count in the total only.</summary>
public sealed record WebhookStatisticsView(
    [property: JsonPropertyName("total_calls"), Description("Inbound posts and tests recorded.")] long TotalCalls,
    [property: JsonPropertyName("successful_calls"), Description("Calls whose every delivery was sent.")] long SuccessfulCalls,
    [property: JsonPropertyName("failed_calls"), Description("Calls with a delivery that failed for good.")] long FailedCalls)
{
    public static WebhookStatisticsView Of(WebhookStatistics statistics) =>
        new(statistics.TotalCalls, statistics.SuccessfulCalls, statistics.FailedCalls);
}
