using OrleansMonitor.GrainInterfaces.Webhooks;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;

namespace OrleansMonitor.Grains.Webhooks;

/// <summary>
/// A workspace's Monoduty webhooks over <see cref="WebhookStore"/>: the rules of <see cref="WebhookRules"/> on create,
/// the fan-out of <see cref="WebhookFanOut"/> on test. A caller of another workspace finds nothing.
/// </summary>
[StatelessWorker]
[GrainType("webhooks")]
public sealed class WebhooksGrain(WebhookStore store, WebhookFanOut fanOut, DeliveryOutbox outbox, TimeProvider time) : Grain, IWebhooksGrain
{
    public async Task<IReadOnlyList<WebhookInfo>> ListAsync(WorkspaceAccess caller) =>
        IsOwnWorkspace(caller) ? await store.ListAsync(caller.WorkspaceId) : [];

    public async Task<WebhookInfo?> GetAsync(WorkspaceAccess caller, Guid webhookId) =>
        IsOwnWorkspace(caller) ? await store.GetAsync(caller.WorkspaceId, webhookId) : null;

    public async Task<IReadOnlyList<DeliveryInfo>?> DeliveriesAsync(WorkspaceAccess caller, Guid webhookId)
    {
        if (!IsOwnWorkspace(caller) || await store.GetAsync(caller.WorkspaceId, webhookId) is null)
        {
            return null;
        }

        return [.. (await outbox.ForWebhookAsync(caller.WorkspaceId, webhookId, IWebhooksGrain.DeliveriesShown)).Select(r => r.ToInfo())];
    }

    public async Task<WebhookOutcome> CreateAsync(WorkspaceAccess caller, NewWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (!IsOwnWorkspace(caller) || !caller.CanManage)
        {
            return new WebhookOutcome(null, new Dictionary<string, string> { ["workspace"] = "Only admins and owners of the workspace create webhooks" });
        }

        var (cleaned, errors) = WebhookRules.Check(webhook);
        if (cleaned is null)
        {
            return new WebhookOutcome(null, errors);
        }

        var created = await store.CreateAsync(caller.WorkspaceId, cleaned, time.GetUtcNow());
        return created is null
            ? new WebhookOutcome(null, LimitReached: true, Limit: WebhookStore.MaxPerWorkspace)
            : new WebhookOutcome(created);
    }

    public async Task<bool> DeleteAsync(WorkspaceAccess caller, Guid webhookId) =>
        IsOwnWorkspace(caller) && caller.CanManage && await store.DeleteAsync(caller.WorkspaceId, webhookId, time.GetUtcNow());

    public async Task<FanOutOutcome> TestAsync(WorkspaceAccess caller, Guid webhookId)
    {
        if (!IsOwnWorkspace(caller) || !caller.CanManage || await store.GetAsync(caller.WorkspaceId, webhookId) is not { } webhook)
        {
            return FanOutOutcome.Missing;
        }

        return await fanOut.SendAsync(caller.WorkspaceId, webhook, AlertEventKind.Test, new InboundAlert(null, null, "test"));
    }

    private bool IsOwnWorkspace(WorkspaceAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.WorkspaceId == this.GetPrimaryKey();
    }
}
