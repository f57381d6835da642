using OrleansMonitor.GrainInterfaces.Webhooks;
using OrleansMonitor.Grains.Alerting;

namespace OrleansMonitor.Grains.Webhooks;

/// <summary>Maps an inbound token to its active webhook (by SHA-256, in PostgreSQL) and fans the alert out.</summary>
[StatelessWorker]
[GrainType("inbound-webhook")]
public sealed class InboundWebhookGrain(WebhookStore store, WebhookFanOut fanOut) : Grain, IInboundWebhookGrain
{
    /// <summary>Longest token looked up; ours are far shorter.</summary>
    public const int TokenMaxLength = 128;

    public async Task<FanOutOutcome> ReceiveAsync(string token, InboundAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (string.IsNullOrEmpty(token) || token.Length > TokenMaxLength || await store.FindActiveAsync(token) is not { } found)
        {
            return FanOutOutcome.Missing;
        }

        return await fanOut.SendAsync(found.WorkspaceId, found.Webhook, AlertEventKind.Inbound, alert);
    }
}
