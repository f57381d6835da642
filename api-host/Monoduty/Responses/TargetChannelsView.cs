using System.Text.Json.Serialization;
using OrleansMonitor.GrainInterfaces.Webhooks;

namespace OrleansMonitor.ApiHost.Monoduty.Responses;

/// <summary>Where a webhook's alerts go (<c>target_channels</c>); null where none is set.</summary>
public sealed record TargetChannelsView(
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("sms")] string? Sms,
    [property: JsonPropertyName("call")] string? Call)
{
    public static TargetChannelsView Of(WebhookTargets targets) => new(targets.Email, targets.Sms, targets.Call);
}
