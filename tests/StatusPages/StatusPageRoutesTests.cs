using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using OrleansMonitor.GrainInterfaces.StatusPages;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.StatusPages;
using OrleansMonitor.Grains.Workspaces;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Team;

namespace OrleansMonitor.Tests.StatusPages;

/// <summary>The status page routes of members: create, list, change, rotate, updates; their errors, roles, plan and limits.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StatusPageRoutesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task CreateListAndChangeAPage()
    {
        var user = await fixture.NewUserAsync();
        var web = await user.CreateProjectAsync("Web");
        var api = await user.CreateProjectAsync("API");
        var slug = StatusPageClient.NewSlug("acme");

        var response = await user.Session.PostAsJsonAsync("/api/status-pages", new { title = "  Acme status  ", slug, description = "Our services", projectIds = new[] { web, web }, visibility = "public" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/public/status-pages/{slug}", response.Headers.Location?.OriginalString);
        var created = await response.ReadJsonAsync<StatusPageBody>();
        Assert.True(created.Success);
        Assert.Null(created.Token);
        var page = created.StatusPage;
        Assert.Equal(("Acme status", slug, "Our services", "public"), (page.Title, page.Slug, page.Description, page.Visibility));
        Assert.Equal([web.ToString()], page.ProjectIds);
        Assert.Equal($"/api/public/status-pages/{slug}", page.PublicPath);
        Assert.EndsWith("Z", page.CreatedAt);

        var changed = await user.Session.PutAsJsonAsync($"/api/status-pages/{page.Id}", new { title = "Acme platform", description = (string?)null, projectIds = new[] { web, api } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = (await changed.ReadJsonAsync<StatusPageBody>()).StatusPage;
        Assert.Equal(("Acme platform", slug, null, "public"), (after.Title, after.Slug, after.Description, after.Visibility));
        Assert.Equal([web.ToString(), api.ToString()], after.ProjectIds);

        // A field left out keeps its value.
        var kept = (await (await user.Session.PutAsJsonAsync($"/api/status-pages/{page.Id}", new { description = "Back" })).ReadJsonAsync<StatusPageBody>()).StatusPage;
        Assert.Equal(("Acme platform", "Back"), (kept.Title, kept.Description));

        var list = await user.Session.GetJsonAsync<StatusPageList>("/api/status-pages");
        Assert.Equal([page.Id], list.StatusPages.Select(p => p.Id));
        Assert.Equal("Acme platform", list.StatusPages[0].Title);
    }

    [Fact]
    public async Task InvalidPagesAre422WithFieldErrors()
    {
        var user = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Mine");
        var foreign = await stranger.CreateProjectAsync("Theirs");

        var empty = await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/status-pages", new { }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(["projectIds", "slug", "title", "visibility"], empty.Errors!.Keys.Order(StringComparer.Ordinal));

        object Page(string? title = "Status", string? slug = null, string? description = null, object? projectIds = null, string visibility = "public") =>
            new { title, slug = slug ?? StatusPageClient.NewSlug(), description, projectIds = projectIds ?? new[] { project }, visibility };
        var cases = new (object Body, string Field)[]
        {
            (Page(slug: "ab"), "slug"),
            (Page(slug: "-abc"), "slug"),
            (Page(slug: "abc-"), "slug"),
            (Page(slug: "Acme"), "slug"),
            (Page(slug: "a_b_c"), "slug"),
            (Page(slug: new string('a', 65)), "slug"),
            (Page(title: ""), "title"),
            (Page(title: new string('t', 101)), "title"),
            (Page(title: "two\nlines"), "title"),
            (Page(description: new string('d', 1001)), "description"),
            (Page(visibility: "secret"), "visibility"),
            (Page(projectIds: new[] { "not-an-id" }), "projectIds"),
            (Page(projectIds: Array.Empty<Guid>()), "projectIds"),
            (Page(projectIds: new[] { Guid.NewGuid() }), "projectIds"),
            (Page(projectIds: new[] { foreign }), "projectIds"),
        };
        foreach (var (body, field) in cases)
        {
            var error = await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/status-pages", body), HttpStatusCode.UnprocessableEntity, "validation_failed");
            Assert.True(error.Errors!.ContainsKey(field), $"{field} is refused in {System.Text.Json.JsonSerializer.Serialize(body)}: {string.Join(", ", error.Errors.Keys)}");
        }

        Assert.Empty((await user.Session.GetJsonAsync<StatusPageList>("/api/status-pages")).StatusPages);
        var page = (await user.CreatePublicPageAsync(project)).StatusPage;
        var put = await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync($"/api/status-pages/{page.Id}", new { slug = "X", projectIds = new[] { foreign } }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(["projectIds", "slug"], put.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(page.Slug, (await user.Session.GetJsonAsync<StatusPageList>("/api/status-pages")).StatusPages.Single().Slug);
    }

    [Fact]
    public async Task ASlugIsUniqueAcrossWorkspaces()
    {
        var first = await fixture.NewUserAsync();
        var second = await fixture.NewUserAsync();
        var slug = StatusPageClient.NewSlug("shared");
        var mine = (await first.CreateStatusPageAsync(new { title = "First", slug, projectIds = new[] { await first.DefaultProjectAsync() }, visibility = "public" })).StatusPage;

        var taken = await second.Session.PostAsJsonAsync("/api/status-pages", new { title = "Second", slug, projectIds = new[] { await second.DefaultProjectAsync() }, visibility = "public" });
        await ApiAssert.ErrorAsync(taken, HttpStatusCode.Conflict, "slug_taken");

        var theirs = (await second.CreatePublicPageAsync(await second.DefaultProjectAsync())).StatusPage;
        await ApiAssert.ErrorAsync(await second.Session.PutAsJsonAsync($"/api/status-pages/{theirs.Id}", new { slug }), HttpStatusCode.Conflict, "slug_taken");

        // A page keeping its own slug does not conflict with itself; the first page's share URL still shows it.
        Assert.Equal(HttpStatusCode.OK, (await first.Session.PutAsJsonAsync($"/api/status-pages/{mine.Id}", new { slug, title = "First again" })).StatusCode);
        Assert.Equal("First again", (await fixture.Anonymous().PublicPageAsync(slug)).Title);
        Assert.Equal(1, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_status_pages WHERE slug = $1", slug));
    }

    [Fact]
    public async Task AnotherWorkspacesPageIsNotFound()
    {
        var owner = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var page = (await owner.CreateStatusPageAsync(new { title = "Private", slug = StatusPageClient.NewSlug(), projectIds = new[] { await owner.DefaultProjectAsync() }, visibility = "private" })).StatusPage;
        var update = new { state = "investigating", message = "Sneaky" };

        foreach (var response in new[]
        {
            await stranger.Session.PutAsJsonAsync($"/api/status-pages/{page.Id}", new { title = "Mine now" }),
            await stranger.Session.PostAsync($"/api/status-pages/{page.Id}/regenerate-token", null),
            await stranger.Session.GetAsync($"/api/status-pages/{page.Id}/updates"),
            await stranger.Session.PostAsJsonAsync($"/api/status-pages/{page.Id}/updates", update),
            await owner.Session.PutAsJsonAsync($"/api/status-pages/{Guid.NewGuid()}", new { title = "Nobody's" }),
            await owner.Session.GetAsync("/api/status-pages/not-an-id/updates"),
        })
        {
            await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "status_page_not_found");
        }

        Assert.Empty((await stranger.Session.GetJsonAsync<StatusPageList>("/api/status-pages")).StatusPages);
        Assert.Empty((await owner.Session.GetJsonAsync<StatusUpdateList>($"/api/status-pages/{page.Id}/updates")).Updates);
        Assert.Equal("Private", (await owner.Session.GetJsonAsync<StatusPageList>("/api/status-pages")).StatusPages.Single().Title);
    }

    [Fact]
    public async Task RolesPlanAndScopeDecideWhoMayDoWhat()
    {
        var owner = await fixture.NewUserAsync();
        var viewer = await fixture.NewUserAsync();
        var editor = await fixture.NewUserAsync();
        var scopedAdmin = await fixture.NewUserAsync();
        var free = await fixture.NewUserAsync();
        var shown = await owner.CreateProjectAsync("Shown");
        var elsewhere = await owner.CreateProjectAsync("Elsewhere");
        var page = (await owner.CreatePublicPageAsync(shown)).StatusPage;
        await viewer.JoinAsync(owner, "viewer");
        await editor.JoinAsync(owner, "editor");
        await scopedAdmin.JoinAsync(owner, "admin", [elsewhere]);
        await fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(free.UserId).SetPlanAsync("free");
        var update = new { state = "identified", message = "Found it" };

        Assert.Single((await viewer.Session.GetJsonAsync<StatusPageList>("/api/status-pages")).StatusPages);
        Assert.Equal(HttpStatusCode.OK, (await viewer.Session.GetAsync($"/api/status-pages/{page.Id}/updates")).StatusCode);
        await ApiAssert.ErrorAsync(await viewer.Session.PostAsJsonAsync($"/api/status-pages/{page.Id}/updates", update), HttpStatusCode.Forbidden, "forbidden_role");
        await ApiAssert.ErrorAsync(await editor.Session.PostAsJsonAsync("/api/status-pages", new { title = "E", slug = StatusPageClient.NewSlug(), projectIds = new[] { shown }, visibility = "public" }), HttpStatusCode.Forbidden, "forbidden_role");
        await ApiAssert.ErrorAsync(await editor.Session.PutAsJsonAsync($"/api/status-pages/{page.Id}", new { title = "E" }), HttpStatusCode.Forbidden, "forbidden_role");
        await ApiAssert.ErrorAsync(await editor.Session.PostAsync($"/api/status-pages/{page.Id}/regenerate-token", null), HttpStatusCode.Forbidden, "forbidden_role");
        Assert.Equal(HttpStatusCode.Created, (await editor.Session.PostAsJsonAsync($"/api/status-pages/{page.Id}/updates", update)).StatusCode);

        // A member limited to other projects does not see a page that shows a project outside its scope.
        Assert.Empty((await scopedAdmin.Session.GetJsonAsync<StatusPageList>("/api/status-pages")).StatusPages);
        await ApiAssert.ErrorAsync(await scopedAdmin.Session.PutAsJsonAsync($"/api/status-pages/{page.Id}", new { title = "Scoped" }), HttpStatusCode.NotFound, "status_page_not_found");
        await ApiAssert.ErrorAsync(await scopedAdmin.Session.GetAsync($"/api/status-pages/{page.Id}/updates"), HttpStatusCode.NotFound, "status_page_not_found");
        var scopedPage = (await scopedAdmin.CreatePublicPageAsync(elsewhere)).StatusPage;
        await ApiAssert.ErrorAsync(await scopedAdmin.Session.PutAsJsonAsync($"/api/status-pages/{scopedPage.Id}", new { projectIds = new[] { shown } }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(2, (await owner.Session.GetJsonAsync<StatusPageList>("/api/status-pages")).StatusPages.Count);

        await ApiAssert.ErrorAsync(await free.Session.GetAsync("/api/status-pages"), HttpStatusCode.Forbidden, "premium_required");
        await ApiAssert.ErrorAsync(await free.Session.PostAsJsonAsync("/api/status-pages", new { title = "F", slug = StatusPageClient.NewSlug(), projectIds = new[] { await free.DefaultProjectAsync() }, visibility = "public" }), HttpStatusCode.Forbidden, "premium_required");
        await ApiAssert.ErrorAsync(await fixture.Anonymous().GetAsync("/api/status-pages"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ThePlansPageLimitHoldsUnderConcurrentCreates()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.DefaultProjectAsync();
        var limit = fixture.Monitoring.SiloService<IOptions<PlansOptions>>().Value.PremiumLimits.StatusPages;
        var pages = fixture.Monitoring.Client.GetGrain<IStatusPagesGrain>(user.UserId);
        for (var i = 0; i < limit - 3; i++)
        {
            var filled = await pages.CreateAsync(WorkspaceAccess.OwnerOf(user.UserId), new StatusPageDraft("Filler", StatusPageClient.NewSlug("fill"), null, [project], StatusPageVisibility.Public));
            Assert.NotNull(filled.Page);
        }

        // Six creates at once through the API: exactly three fit, the others meet the limit.
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            user.Session.PostAsJsonAsync("/api/status-pages", new { title = "Racer", slug = StatusPageClient.NewSlug("race"), projectIds = new[] { project }, visibility = "public" })));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await ApiAssert.ErrorAsync(refused, HttpStatusCode.Forbidden, "plan_limit_reached");
        }

        Assert.Equal(limit, (await user.Session.GetJsonAsync<StatusPageList>("/api/status-pages")).StatusPages.Count);
    }

    [Fact]
    public async Task UpdatesArePublishedNewestFirstWithTheirDevicesAndCheckedFirst()
    {
        var user = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var shown = await user.CreateProjectAsync("Shown");
        var hidden = await user.CreateProjectAsync("Not on the page");
        var inside = (await user.CreateDeviceAsync(shown, new { name = "Checkout", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;
        var outside = (await user.CreateDeviceAsync(hidden, new { name = "Back office", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;
        var foreign = (await stranger.CreateDeviceAsync(await stranger.DefaultProjectAsync(), new { name = "Theirs", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;
        var page = (await user.CreatePublicPageAsync(shown)).StatusPage;
        var route = $"/api/status-pages/{page.Id}/updates";

        var first = await user.Session.PostAsJsonAsync(route, new { state = "investigating", message = "  Checkout is slow  ", deviceIds = new[] { inside } });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var published = (await first.ReadJsonAsync<StatusUpdateBody>()).Update;
        Assert.Equal(("investigating", "Checkout is slow", inside), (published.State, published.Message, published.DeviceIds.Single()));
        Assert.Equal(HttpStatusCode.Created, (await user.Session.PostAsJsonAsync(route, new { state = "resolved", message = "Fixed\nfor good" })).StatusCode);

        var cases = new (object Body, string Field)[]
        {
            (new { state = "panicking", message = "x" }, "state"),
            (new { message = "no state" }, "state"),
            (new { state = "monitoring" }, "message"),
            (new { state = "monitoring", message = "   " }, "message"),
            (new { state = "monitoring", message = new string('m', 2001) }, "message"),
            (new { state = "monitoring", message = "x", deviceIds = new[] { outside } }, "deviceIds"),
            (new { state = "monitoring", message = "x", deviceIds = new[] { foreign } }, "deviceIds"),
            (new { state = "monitoring", message = "x", deviceIds = new[] { "nope" } }, "deviceIds"),
        };
        foreach (var (body, field) in cases)
        {
            var error = await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync(route, body), HttpStatusCode.UnprocessableEntity, "validation_failed");
            Assert.True(error.Errors!.ContainsKey(field), $"{field} is refused: {string.Join(", ", error.Errors.Keys)}");
        }

        var updates = (await user.Session.GetJsonAsync<StatusUpdateList>(route)).Updates;
        Assert.Equal(["resolved", "investigating"], updates.Select(u => u.State));
        Assert.Equal("Fixed\nfor good", updates[0].Message);
        Assert.Empty(updates[0].DeviceIds);
        var shownPublicly = (await fixture.Anonymous().PublicPageAsync(page.Slug)).Updates;
        Assert.Equal(["Checkout"], shownPublicly[1].Devices);
    }

    [Fact]
    public async Task UpdateHistoryIsCapped()
    {
        var user = await fixture.NewUserAsync();
        var page = (await user.CreatePublicPageAsync(await user.DefaultProjectAsync())).StatusPage;
        var options = fixture.Monitoring.SiloService<IOptions<StatusPageOptions>>().Value;
        var grain = fixture.Monitoring.Client.GetGrain<IStatusPageGrain>(Guid.Parse(page.Id));
        for (var i = 1; i <= options.UpdatesKept + 5; i++)
        {
            Assert.NotNull((await grain.PublishUpdateAsync(WorkspaceAccess.OwnerOf(user.UserId), UpdateState.Monitoring, $"update {i}", [])).Update);
        }

        var updates = (await user.Session.GetJsonAsync<StatusUpdateList>($"/api/status-pages/{page.Id}/updates")).Updates;
        Assert.Equal(options.UpdatesKept, updates.Count);
        Assert.Equal($"update {options.UpdatesKept + 5}", updates[0].Message);
        Assert.Equal("update 6", updates[^1].Message);
        Assert.Equal(options.UpdatesKept, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_status_page_updates WHERE page_id = $1", Guid.Parse(page.Id)));
        Assert.Equal(options.UpdatesShown, (await fixture.Anonymous().PublicPageAsync(page.Slug)).Updates.Count);
    }

    [Fact]
    public async Task HostileTextIsRefusedOverHttpAndCleanedBelowIt()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.DefaultProjectAsync();

        var nul = new StringContent($$"""{"title":"Bad\u0000title","slug":"{{StatusPageClient.NewSlug()}}","projectIds":["{{project}}"],"visibility":"public"}""", System.Text.Encoding.UTF8, "application/json");
        await ApiAssert.ErrorAsync(await user.Session.PostAsync("/api/status-pages", nul), HttpStatusCode.BadRequest, "invalid_json");
        var surrogate = new StringContent($$"""{"title":"Bad\ud800title","slug":"{{StatusPageClient.NewSlug()}}","projectIds":["{{project}}"],"visibility":"public"}""", System.Text.Encoding.UTF8, "application/json");
        await ApiAssert.ErrorAsync(await user.Session.PostAsync("/api/status-pages", surrogate), HttpStatusCode.BadRequest, "invalid_json");

        // Below the HTTP checks the grain cleans what it stores: NUL and lone surrogates become U+FFFD, controls go.
        var owner = WorkspaceAccess.OwnerOf(user.UserId);
        var pages = fixture.Monitoring.Client.GetGrain<IStatusPagesGrain>(user.UserId);
        var refused = await pages.CreateAsync(owner, new StatusPageDraft("Nul\0title", StatusPageClient.NewSlug(), null, [project], StatusPageVisibility.Public));
        Assert.True(refused.Errors!.ContainsKey("title"));
        var created = await pages.CreateAsync(owner, new StatusPageDraft("Clean", StatusPageClient.NewSlug(), "line one\nnul\0 lone\ud800 bell\u0007", [project], StatusPageVisibility.Public));
        Assert.Equal("line one\nnul\uFFFD lone\uFFFD bell", created.Page!.Description);
        var update = await fixture.Monitoring.Client.GetGrain<IStatusPageGrain>(created.Page.Id).PublishUpdateAsync(owner, UpdateState.Identified, "cause\0 found\u001b", []);
        Assert.Equal("cause\uFFFD found", update.Update!.Message);
        Assert.Equal("cause\uFFFD found", await fixture.Monitoring.Database.ScalarAsync<string>("SELECT message FROM om_status_page_updates WHERE page_id = $1", created.Page.Id));
        var overlong = await fixture.Monitoring.Client.GetGrain<IStatusPageGrain>(created.Page.Id).PublishUpdateAsync(owner, UpdateState.Identified, new string('x', 2001), []);
        Assert.True(overlong.Errors!.ContainsKey("message"));
    }

    [Fact]
    public async Task APublicPageHasNoTokenToRegenerate()
    {
        var user = await fixture.NewUserAsync();
        var page = (await user.CreatePublicPageAsync(await user.DefaultProjectAsync())).StatusPage;

        await ApiAssert.ErrorAsync(await user.Session.PostAsync($"/api/status-pages/{page.Id}/regenerate-token", null), HttpStatusCode.Conflict, "status_page_not_private");

        var turned = await user.Session.PutAsJsonAsync($"/api/status-pages/{page.Id}", new { visibility = "private" });
        var body = await turned.ReadJsonAsync<StatusPageBody>();
        Assert.Equal("private", body.StatusPage.Visibility);
        Assert.StartsWith("osp_", body.Token);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous().ReadPublicAsync(page.Slug, body.Token)).StatusCode);
        var back = await (await user.Session.PutAsJsonAsync($"/api/status-pages/{page.Id}", new { visibility = "public" })).ReadJsonAsync<StatusPageBody>();
        Assert.Null(back.Token);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous().ReadPublicAsync(page.Slug)).StatusCode);
    }
}
