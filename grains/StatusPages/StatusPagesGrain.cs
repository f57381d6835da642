using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMonitor.GrainInterfaces.StatusPages;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Identity;
using OrleansMonitor.Grains.Workspaces;

namespace OrleansMonitor.Grains.StatusPages;

/// <summary>
/// A workspace's status pages over <see cref="StatusPageStore"/>: creation under the plan's limit (checked in the
/// store's transaction) and the list; and the ids of the workspace's pages, kept in memory, so a device change the
/// workspace grain tells is passed on to each page without a query (see <see cref="IStatusPagesGrain"/> on reentrancy).
/// </summary>
[GrainType("status-pages")]
public sealed class StatusPagesGrain(
    StatusPageStore store,
    IOptions<PlansOptions> plans,
    StatusPageFaults faults,
    TimeProvider time,
    ILogger<StatusPagesGrain> logger) : Grain, IStatusPagesGrain
{
    private readonly HashSet<Guid> _pageIds = [];

    private Guid WorkspaceId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var page in await store.ListAsync(WorkspaceId))
        {
            _pageIds.Add(page.Id);
        }
    }

    public async Task<IReadOnlyList<StatusPageInfo>> ListAsync(WorkspaceAccess caller)
    {
        if (!IsOwnWorkspace(caller))
        {
            return [];
        }

        return [.. (await store.ListAsync(WorkspaceId)).Where(p => p.ProjectIds.All(caller.Sees)).Select(p => p.ToInfo())];
    }

    public async Task<StatusPageOutcome> CreateAsync(WorkspaceAccess caller, StatusPageDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!IsOwnWorkspace(caller) || !caller.CanManage)
        {
            return StatusPageOutcome.Missing;
        }

        // The workspace grain never waits for this grain, so awaiting it here cannot deadlock.
        var projects = await GrainFactory.GetGrain<IWorkspaceGrain>(WorkspaceId).ListProjectsAsync(caller);
        var (page, errors) = StatusPageRules.Check(draft, null, projects.Select(p => p.Id).ToHashSet());
        if (page is null)
        {
            return new StatusPageOutcome { Errors = errors };
        }

        var token = page.Visibility == StatusPageVisibility.Private ? SecretToken.New(StatusPageRules.TokenPrefix) : null;
        var now = time.GetUtcNow();
        var record = new StatusPageRecord(
            Guid.CreateVersion7(now), WorkspaceId, page.Slug!, page.Title!, page.Description, page.ProjectIds!, page.Visibility!.Value,
            token is null ? null : SecretToken.Hash(token), now, now);
        var limit = plans.Value.LimitsOf(caller.Plan).StatusPages;
        switch (await store.CreateAsync(record, limit))
        {
            case StatusPageCreation.LimitReached:
                return new StatusPageOutcome { LimitReached = true, Limit = limit };
            case StatusPageCreation.SlugTaken:
                return new StatusPageOutcome { SlugTaken = true };
        }

        _pageIds.Add(record.Id);
        try
        {
            // A slug grain active from an earlier read remembers "no such page"; it reads the slug again now.
            await GrainFactory.GetGrain<IStatusPageSlugGrain>(record.Slug).RefreshAsync();
        }
        catch (Exception ex)
        {
            faults.Record(logger, ex, "telling the slug directory of a new page", record.Id);
        }

        return new StatusPageOutcome { Page = record.ToInfo(), Token = token };
    }

    public Task DeviceChangedAsync(DeviceSummary device)
    {
        foreach (var pageId in _pageIds)
        {
            try
            {
                GrainFactory.GetGrain<IStatusPageGrain>(pageId).DeviceChangedAsync(device).Ignore();
            }
            catch (Exception ex)
            {
                faults.Record(logger, ex, "passing a device change on", pageId);
            }
        }

        return Task.CompletedTask;
    }

    private bool IsOwnWorkspace(WorkspaceAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.WorkspaceId == WorkspaceId;
    }
}
