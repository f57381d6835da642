namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>
/// Receives public posts to inbound webhook URLs: finds the active webhook of a token (by SHA-256, in PostgreSQL),
/// records the call and fans it out through the outbox. Stateless; use key 0.
/// </summary>
public interface IInboundWebhookGrain : IGrainWithIntegerKey
{
    /// <summary>Not found (and nothing recorded) for an unknown token or a deleted or disabled webhook.</summary>
    Task<FanOutOutcome> ReceiveAsync(string token, InboundAlert alert);
}
