using Microsoft.Extensions.Logging;
using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.Grains.StatusPages;

/// <summary>
/// The share URL's directory entry for one slug: the page that has it, read from <see cref="StatusPageStore"/> at
/// activation and after each <see cref="RefreshAsync"/>, so reads of the share URL cost no query. "No page" is
/// remembered too, but read again after <see cref="MissRecheck"/>, in case a page took the slug while a refresh was lost.
/// </summary>
/// <remarks>
/// Reentrant: a read awaits the page grain, and the page grain, while it changes its slug, awaits
/// <see cref="RefreshAsync"/> here; every method touches the mapping only between awaits, and a refresh overtaken by a
/// later one does not overwrite its answer.
/// </remarks>
[Reentrant]
[GrainType("status-page-slug")]
public sealed class StatusPageSlugGrain(StatusPageStore store, StatusPageFaults faults, TimeProvider time, ILogger<StatusPageSlugGrain> logger) : Grain, IStatusPageSlugGrain
{
    /// <summary>How long "no page has this slug" is believed before it is read again.</summary>
    public static readonly TimeSpan MissRecheck = TimeSpan.FromSeconds(30);

    private Guid? _pageId;
    private DateTimeOffset _readAt;
    private long _refreshes;

    private string Slug => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        StatusPageRules.IsSlug(Slug) ? RefreshAsync() : Task.CompletedTask;

    public async Task<PublicReadOutcome> ReadAsync(string? token, string? ifNoneMatch)
    {
        if (_pageId is null && StatusPageRules.IsSlug(Slug) && time.GetUtcNow() - _readAt >= MissRecheck)
        {
            await RefreshAsync();
        }

        return _pageId is { } pageId
            ? await GrainFactory.GetGrain<IStatusPageGrain>(pageId).ReadAsync(Slug, token, ifNoneMatch)
            : PublicReadOutcome.NotFound;
    }

    public async Task RefreshAsync()
    {
        var refresh = ++_refreshes;
        var readAt = time.GetUtcNow();
        Guid? pageId;
        try
        {
            pageId = await store.PageOfSlugAsync(Slug);
        }
        catch (Exception ex)
        {
            faults.Record(logger, ex, "reading the page of a slug", Guid.Empty);
            throw;
        }

        if (refresh == _refreshes)
        {
            (_pageId, _readAt) = (pageId, readAt);
        }
    }
}
