using OrleansMonitor.GrainInterfaces.StatusPages;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.StatusPages;

/// <summary>Pages, tokens and updates survive a full restart of the cluster (a cluster of its own: it stops its silo).</summary>
public sealed class StatusPagePersistenceTests : IAsyncLifetime
{
    private readonly MonitoringCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task APageItsTokenAndItsUpdatesSurviveARestart()
    {
        var workspace = Guid.NewGuid();
        var owner = WorkspaceAccess.OwnerOf(workspace);
        var project = (await _cluster.Client.GetGrain<IWorkspaceGrain>(workspace).ListProjectsAsync(owner)).Single().Id;
        var slug = StatusPageClient.NewSlug("durable");
        var created = await _cluster.Client.GetGrain<IStatusPagesGrain>(workspace).CreateAsync(owner, new StatusPageDraft("Durable", slug, "kept", [project], StatusPageVisibility.Private));
        var page = _cluster.Client.GetGrain<IStatusPageGrain>(created.Page!.Id);
        var oldToken = created.Token!;
        var token = (await page.RegenerateTokenAsync(owner)).Token!;
        Assert.NotNull((await page.PublishUpdateAsync(owner, UpdateState.Resolved, "All good again", [])).Update);
        var before = await _cluster.Client.GetGrain<IStatusPageSlugGrain>(slug).ReadAsync(token, null);
        Assert.NotNull(before.View);

        await _cluster.Cluster.StopSiloAsync(_cluster.Cluster.Silos[0]);
        await _cluster.Cluster.StartAdditionalSiloAsync();

        var slugGrain = _cluster.Client.GetGrain<IStatusPageSlugGrain>(slug);
        var after = await Eventually.HoldsAsync(() => slugGrain.ReadAsync(token, null), r => r.View is not null, "the page to answer on the new silo");
        Assert.Equal(("Durable", "kept"), (after.View!.Title, after.View.Description));
        Assert.Equal("All good again", after.View.Updates.Single().Message);
        Assert.Equal(before.ETag, after.ETag); // the tag is the view's hash: the same view has the same tag after a restart
        Assert.Null((await slugGrain.ReadAsync(oldToken, null)).View);
        Assert.Null((await slugGrain.ReadAsync(null, null)).View);
        Assert.Equal("Durable", (await _cluster.Client.GetGrain<IStatusPagesGrain>(workspace).ListAsync(owner)).Single().Title);
        Assert.Equal("All good again", (await page.ListUpdatesAsync(owner))!.Single().Message);
    }
}
