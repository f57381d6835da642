using OrleansMonitor.GrainInterfaces.Webhooks;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.Grains.Webhooks;

/// <summary>A workspace's in-app feed over <see cref="NotificationFeed"/>, read state per member; another workspace's caller sees nothing.</summary>
[StatelessWorker]
[GrainType("notification-feed")]
public sealed class NotificationFeedGrain(NotificationFeed feed) : Grain, INotificationFeedGrain
{
    public const int MaxLimit = 100;

    private static readonly NotificationPage Empty = new([], 0, 0);

    public async Task<NotificationPage> PageAsync(WorkspaceAccess caller, int page, int limit)
    {
        if (!IsOwnWorkspace(caller))
        {
            return Empty;
        }

        var size = Math.Clamp(limit, 1, MaxLimit);
        var offset = (int)Math.Min((long)(Math.Max(page, 1) - 1) * size, NotificationFeed.MaxPerWorkspace * 2L);
        return await feed.PageAsync(caller.WorkspaceId, caller.UserId, offset, size);
    }

    public async Task<long> UnreadCountAsync(WorkspaceAccess caller) =>
        IsOwnWorkspace(caller) ? await feed.UnreadCountAsync(caller.WorkspaceId, caller.UserId) : 0;

    public async Task<long> MarkAllReadAsync(WorkspaceAccess caller) =>
        IsOwnWorkspace(caller) ? await feed.MarkAllReadAsync(caller.WorkspaceId, caller.UserId) : 0;

    private bool IsOwnWorkspace(WorkspaceAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.WorkspaceId == this.GetPrimaryKey();
    }
}
