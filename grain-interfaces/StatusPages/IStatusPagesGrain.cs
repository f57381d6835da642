using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>
/// The status pages of one workspace (keyed by its id): lists and creates them, and passes device state changes on to
/// each page, which keeps its public view in memory.
/// </summary>
/// <remarks>
/// Reentrancy: the workspace grain tells this grain of changes one way (<see cref="DeviceChangedAsync"/>) and never
/// waits for it, and this grain passes them on one way too, so no page, workspace or directory call waits in a cycle.
/// Creating a page awaits the workspace grain (its projects), which never awaits this grain.
/// </remarks>
public interface IStatusPagesGrain : IGrainWithGuidKey
{
    /// <summary>The workspace's pages the caller sees (a page including a project outside its scope is hidden), oldest first.</summary>
    Task<IReadOnlyList<StatusPageInfo>> ListAsync(WorkspaceAccess caller);

    /// <summary>
    /// Creates a page after checking <paramref name="draft"/>: field errors, a slug taken anywhere in the installation,
    /// or the plan's page limit refuse it. A private page's token is in the outcome, shown once.
    /// </summary>
    Task<StatusPageOutcome> CreateAsync(WorkspaceAccess caller, StatusPageDraft draft);

    /// <summary>
    /// A device's summary changed its state or name (told by the workspace grain; not after every probe). Passed on to
    /// every page of the workspace, which keeps it when the device is of a project it includes. Fire and forget.
    /// </summary>
    [OneWay]
    Task DeviceChangedAsync(DeviceSummary device);
}
