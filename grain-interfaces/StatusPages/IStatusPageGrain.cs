using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>
/// One status page (keyed by its id): its settings, its token's hash, its updates and its public view, all in memory.
/// The grain is the only judge of a token: a rotation takes effect here, for every API host at once, before it answers.
/// </summary>
/// <remarks>
/// Reentrancy: this grain awaits the workspace grain (the page's devices, at activation, on changes and on a periodic
/// refresh) and the slug grains (after a slug change); neither ever awaits this grain in a turn of its own, and the
/// changes of devices come one way (<see cref="DeviceChangedAsync"/>). Slug grains await <see cref="ReadAsync"/>.
/// </remarks>
public interface IStatusPageGrain : IGrainWithGuidKey
{
    /// <summary>Changes what the draft gives (see <see cref="StatusPageDraft"/>); turning private issues a token, shown once.</summary>
    Task<StatusPageOutcome> UpdateAsync(WorkspaceAccess caller, StatusPageDraft draft);

    /// <summary>Issues a new token for a private page; the old one stops working before this answers.</summary>
    Task<StatusPageOutcome> RegenerateTokenAsync(WorkspaceAccess caller);

    /// <summary>The page's updates, newest first (the history kept is capped); null when the page is not found.</summary>
    Task<IReadOnlyList<StatusUpdateInfo>?> ListUpdatesAsync(WorkspaceAccess caller);

    /// <summary>Publishes a manual update; <paramref name="deviceIds"/> must be devices of the page's projects.</summary>
    Task<StatusUpdateOutcome> PublishUpdateAsync(WorkspaceAccess caller, UpdateState state, string message, IReadOnlyList<Guid> deviceIds);

    /// <summary>
    /// The public view for a read of the share URL at <paramref name="slug"/>: not found unless <paramref name="slug"/> is
    /// the page's slug now and, for a private page, <paramref name="token"/> is its token; not modified when
    /// <paramref name="ifNoneMatch"/> is the view's entity tag. Answered from memory.
    /// </summary>
    Task<PublicReadOutcome> ReadAsync(string slug, string? token, string? ifNoneMatch);

    /// <summary>A device changed (see <see cref="IStatusPagesGrain.DeviceChangedAsync"/>); kept when it is of an included project. Fire and forget.</summary>
    [OneWay]
    Task DeviceChangedAsync(DeviceSummary device);
}
