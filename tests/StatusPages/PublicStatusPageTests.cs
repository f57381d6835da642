using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.StatusPages;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.StatusPages;

/// <summary>
/// The share URL's read, <c>GET /api/public/status-pages/:slug</c>: what it shows and hides, the private-token rules,
/// caching headers and 304s, and device changes arriving without any read asking a device.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PublicStatusPageTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ShowsTheIncludedProjectsDevicesAndUpdatesAndNothingInternal()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var web = await user.CreateProjectAsync("Web shop");
        var office = await user.CreateProjectAsync("Back office");
        var home = (await user.CreateDeviceAsync(web, new { name = "Home page", type = "http", url = target.Url, interval = 20 })).Id;
        var port = (await user.CreateDeviceAsync(web, new { name = "Api port", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;
        var hidden = (await user.CreateDeviceAsync(office, new { name = "Payroll", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;
        await user.UntilDeviceAsync(web, home, d => d.Status == "up", "the home page to be up");
        var page = (await user.CreateStatusPageAsync(new { title = "Shop status", slug = StatusPageClient.NewSlug("shop"), description = "All about the shop", projectIds = new[] { web }, visibility = "public" })).StatusPage;
        Assert.Equal(HttpStatusCode.Created, (await user.Session.PostAsJsonAsync($"/api/status-pages/{page.Id}/updates", new { state = "monitoring", message = "A fix is out", deviceIds = new[] { home } })).StatusCode);

        var anonymous = fixture.Anonymous();
        var response = await anonymous.ReadPublicAsync(page.Slug);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = JsonSerializer.Deserialize<PublicStatusPage>(text, ApiJson.Options)!;

        Assert.Equal(("Shop status", "All about the shop"), (read.Title, read.Description));
        var project = Assert.Single(read.Projects);
        Assert.Equal("Web shop", project.Name);
        Assert.Equal(["Api port", "Home page"], project.Devices.Select(d => d.Name));
        Assert.Equal("up", project.Devices[1].Status);
        Assert.True(DateTimeOffset.TryParse(project.Devices[1].LastCheck, out _));
        var update = Assert.Single(read.Updates);
        Assert.Equal(("monitoring", "A fix is out", "Home page"), (update.State, update.Message, update.Devices.Single()));

        // Nothing but what the page shows: no ids, no owner, no monitored address, nothing of the other project.
        foreach (var secret in new[] { user.UserId.ToString(), user.Email, web.ToString(), office.ToString(), page.Id, home, port, hidden, "127.0.0.1", target.Port.ToString(), "Payroll", "Back office" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task APrivatePageAnswersAWrongMissingOrOldTokenExactlyAsAnUnknownSlug()
    {
        var user = await fixture.NewUserAsync();
        var created = await user.CreateStatusPageAsync(new { title = "Internal", slug = StatusPageClient.NewSlug("internal"), projectIds = new[] { await user.DefaultProjectAsync() }, visibility = "private" });
        var (page, token) = (created.StatusPage, created.Token!);
        Assert.StartsWith("osp_", token);
        var anonymous = fixture.Anonymous();

        var unknown = await anonymous.ReadPublicAsync(StatusPageClient.NewSlug("nobody"));
        var reference = await RefusalAsync(unknown);
        Assert.Equal(reference, await RefusalAsync(await anonymous.ReadPublicAsync(page.Slug)));
        Assert.Equal(reference, await RefusalAsync(await anonymous.ReadPublicAsync(page.Slug, "osp_wrong")));
        Assert.Equal(reference, await RefusalAsync(await anonymous.ReadPublicAsync(page.Slug, token + "x")));
        Assert.Equal(reference, await RefusalAsync(await anonymous.ReadPublicAsync(page.Slug, "")));
        Assert.Equal(reference, await RefusalAsync(await anonymous.ReadPublicAsync("Not-A-Slug")));

        var opened = await anonymous.ReadPublicAsync(page.Slug, token);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal((true, false, (TimeSpan?)TimeSpan.FromSeconds(15)), (opened.Headers.CacheControl!.Private, opened.Headers.CacheControl.Public, opened.Headers.CacheControl.MaxAge));
        Assert.Equal("Internal", (await opened.ReadJsonAsync<PublicStatusPage>()).Title);

        // Rotation holds at once, here and on another API host over the same cluster: the grain is the only judge.
        await using var otherHost = new ApiFactory(fixture.Monitoring.Client);
        var other = otherHost.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await other.ReadPublicAsync(page.Slug, token)).StatusCode);
        var rotated = await user.Session.PostAsync($"/api/status-pages/{page.Id}/regenerate-token", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newToken = (await rotated.ReadJsonAsync<StatusPageBody>()).Token!;
        Assert.NotEqual(token, newToken);
        Assert.Equal(reference, await RefusalAsync(await anonymous.ReadPublicAsync(page.Slug, token)));
        Assert.Equal(reference, await RefusalAsync(await other.ReadPublicAsync(page.Slug, token)));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.ReadPublicAsync(page.Slug, newToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.ReadPublicAsync(page.Slug, newToken)).StatusCode);
    }

    [Fact]
    public async Task AnswersCarryAnETagAndACurrentOneIsNotModified()
    {
        var user = await fixture.NewUserAsync();
        var page = (await user.CreatePublicPageAsync(await user.DefaultProjectAsync())).StatusPage;
        var anonymous = fixture.Anonymous();

        var first = await anonymous.ReadPublicAsync(page.Slug);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((true, false, (TimeSpan?)TimeSpan.FromSeconds(15)), (first.Headers.CacheControl!.Public, first.Headers.CacheControl.Private, first.Headers.CacheControl.MaxAge));
        var etag = first.Headers.ETag?.Tag;
        Assert.False(string.IsNullOrEmpty(etag));

        var again = await anonymous.ReadPublicAsync(page.Slug, ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag?.Tag);
        Assert.Equal((TimeSpan?)TimeSpan.FromSeconds(15), again.Headers.CacheControl?.MaxAge);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.ReadPublicAsync(page.Slug, ifNoneMatch: $"\"other\", W/{etag}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.ReadPublicAsync(page.Slug, ifNoneMatch: "\"stale\"")).StatusCode);

        // What the page shows changed: the old tag no longer matches.
        Assert.Equal(HttpStatusCode.Created, (await user.Session.PostAsJsonAsync($"/api/status-pages/{page.Id}/updates", new { state = "investigating", message = "Looking" })).StatusCode);
        var changed = await anonymous.ReadPublicAsync(page.Slug, ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag?.Tag);
        Assert.Equal("Looking", (await changed.ReadJsonAsync<PublicStatusPage>()).Updates.Single().Message);
    }

    [Fact]
    public async Task ADeviceGoingDownShowsWithoutAnyReadAskingTheDevice()
    {
        // Pages read their devices again only every DeviceRefreshPeriod; the change below must come sooner, so it can
        // only have come from the workspace grain telling the page.
        var refresh = fixture.Monitoring.SiloService<IOptions<StatusPageOptions>>().Value.DeviceRefreshPeriod;
        Assert.True(refresh >= TimeSpan.FromSeconds(45), $"the refresh period ({refresh}) must be longer than the wait");
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var project = await user.CreateProjectAsync("Checkout");
        var device = (await user.CreateDeviceAsync(project, new { name = "Pay", type = "http", url = target.Url, interval = 20 })).Id;
        await user.UntilDeviceAsync(project, device, d => d.Status == "up", "the device to be up");
        var page = (await user.CreatePublicPageAsync(project)).StatusPage;
        var anonymous = fixture.Anonymous();
        var before = await anonymous.PublicPageAsync(page.Slug);
        Assert.Equal(("operational", "up"), (before.OverallState, before.Projects.Single().Devices.Single().Status));
        var shownAt = DateTime.UtcNow;

        target.StatusCode = 500;
        var after = await Eventually.HoldsAsync(
            () => anonymous.PublicPageAsync(page.Slug),
            p => p.Projects.Single().Devices.Single().Status == "down",
            "the public read to show the device down",
            TimeSpan.FromSeconds(40));

        Assert.True(DateTime.UtcNow - shownAt < refresh, "the change arrived before any refresh could have read it");
        Assert.Equal("major_outage", after.OverallState);
    }

    [Fact]
    public async Task ANewSlugAnswersAtOnceAndTheOldOneStops()
    {
        var user = await fixture.NewUserAsync();
        var page = (await user.CreatePublicPageAsync(await user.DefaultProjectAsync())).StatusPage;
        var anonymous = fixture.Anonymous();
        var newSlug = StatusPageClient.NewSlug("moved");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.ReadPublicAsync(newSlug)).StatusCode); // remembered as unknown
        Assert.Equal(HttpStatusCode.OK, (await anonymous.ReadPublicAsync(page.Slug)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync($"/api/status-pages/{page.Id}", new { slug = newSlug })).StatusCode);

        await ApiAssert.ErrorAsync(await anonymous.ReadPublicAsync(page.Slug), HttpStatusCode.NotFound, "status_page_not_found");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.ReadPublicAsync(newSlug)).StatusCode);

        // The freed slug can be taken by another page, whose share URL answers at once.
        var other = await fixture.NewUserAsync();
        await other.CreateStatusPageAsync(new { title = "Taker", slug = page.Slug, projectIds = new[] { await other.DefaultProjectAsync() }, visibility = "public" });
        Assert.Equal("Taker", (await anonymous.PublicPageAsync(page.Slug)).Title);
    }

    /// <summary>What a refusal shows a reader: status, content type, the envelope's fields but its time and request id.</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        var body = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "status_page_not_found");
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await response.Content.ReadAsStringAsync())!.Keys.Order(StringComparer.Ordinal);
        var headers = response.Headers.Where(h => h.Key is not ("Date" or "X-Request-Id")).Select(h => h.Key).Order(StringComparer.OrdinalIgnoreCase);
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {body.Code} {body.Error} {body.Errors is null} [{string.Join(",", fields)}] [{string.Join(",", headers)}]";
    }
}
