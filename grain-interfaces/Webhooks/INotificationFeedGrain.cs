using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>
/// The in-app notification feed of a workspace (key: the workspace id), with read state per member. Stateless:
/// PostgreSQL holds it. A caller of another workspace sees an empty feed.
/// </summary>
public interface INotificationFeedGrain : IGrainWithGuidKey
{
    /// <summary>Page <paramref name="page"/> (from 1) of <paramref name="limit"/> notifications (1 to 100), newest first.</summary>
    Task<NotificationPage> PageAsync(WorkspaceAccess caller, int page, int limit);

    /// <summary>How many notifications the caller has not read.</summary>
    Task<long> UnreadCountAsync(WorkspaceAccess caller);

    /// <summary>Marks every notification read for the caller; answers how many were unread.</summary>
    Task<long> MarkAllReadAsync(WorkspaceAccess caller);
}
