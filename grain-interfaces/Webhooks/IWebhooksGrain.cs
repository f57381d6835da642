using OrleansMonitor.GrainInterfaces.Alerting;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>
/// The Monoduty webhooks of a workspace (key: the workspace id). Stateless: PostgreSQL holds the webhooks, their calls
/// and the outbox. A caller of another workspace, an unknown id: not found.
/// </summary>
public interface IWebhooksGrain : IGrainWithGuidKey
{
    /// <summary>Deliveries a webhook's history shows at most.</summary>
    public const int DeliveriesShown = 100;

    /// <summary>Every webhook of the workspace with its statistics, oldest first.</summary>
    Task<IReadOnlyList<WebhookInfo>> ListAsync(WorkspaceAccess caller);

    /// <summary>One webhook with its statistics, or null.</summary>
    Task<WebhookInfo?> GetAsync(WorkspaceAccess caller, Guid webhookId);

    /// <summary>The newest deliveries of the webhook's calls (at most <see cref="DeliveriesShown"/>), newest first, or null when not found.</summary>
    Task<IReadOnlyList<DeliveryInfo>?> DeliveriesAsync(WorkspaceAccess caller, Guid webhookId);

    /// <summary>Checks, cleans and stores a webhook (active, with a fresh inbound token and an alias unique in the workspace).</summary>
    Task<WebhookOutcome> CreateAsync(WorkspaceAccess caller, NewWebhook webhook);

    /// <summary>Deletes the webhook, its calls and its notifications, and cancels its deliveries not yet sent; false when not found.</summary>
    Task<bool> DeleteAsync(WorkspaceAccess caller, Guid webhookId);

    /// <summary>Records a test call that fans out like an inbound post.</summary>
    Task<FanOutOutcome> TestAsync(WorkspaceAccess caller, Guid webhookId);
}
