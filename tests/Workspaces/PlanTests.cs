using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Identity;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Workspaces;

/// <summary>Free and premium plans: premium-only routes, bearer tokens, plan limits and the write lock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PlanTests(ClusterFixture fixture)
{
    private IWorkspaceGrain Workspace(ApiUser user) => fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(user.UserId);

    [Fact]
    public async Task FreeWorkspaceGetsPremiumRequiredAndItsTokensStopUntilPremiumReturns()
    {
        var user = await fixture.NewUserAsync();
        var token = user.WithAuthorization("Bearer " + await user.CreateTokenAsync());
        var project = await Dashmon.DashmonClient.CreateProjectAsync(user, "Plans");
        var device = (await Dashmon.DashmonClient.CreateDeviceAsync(user, project, new { name = "Plan device", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;

        await Workspace(user).SetPlanAsync("free");

        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/devices/{device}/analytics"), HttpStatusCode.Forbidden, "premium_required");
        await ApiAssert.ErrorAsync(await user.Session.PostAsync($"/api/devices/{device}/test-now", null), HttpStatusCode.Forbidden, "premium_required");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync($"/api/maintenance/device/{device}", new { end = DateTimeOffset.UtcNow.AddHours(1) }), HttpStatusCode.Forbidden, "premium_required");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/user/api-tokens", new { label = "more", accessLevel = "read_only" }), HttpStatusCode.Forbidden, "premium_required");
        await ApiAssert.ErrorAsync(await token.GetAsync("/api/projects"), HttpStatusCode.Unauthorized, "premium_required");
        Assert.Single(await user.TokensAsync());
        Assert.Equal("free", (await user.Session.GetJsonAsync<DashmonMe>("/api/me")).Plan);
        Assert.Equal(HttpStatusCode.OK, (await user.Session.GetAsync($"/api/projects/{project}/devices/{device}")).StatusCode);

        await Workspace(user).SetPlanAsync("premium");

        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Session.GetAsync($"/api/devices/{device}/analytics")).StatusCode);
    }

    [Fact]
    public async Task DowngradeAboveTheLimitsLocksWritesButNotReads()
    {
        var user = await fixture.NewUserAsync();
        var projects = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            projects.Add(await Dashmon.DashmonClient.CreateProjectAsync(user, $"Project {i}"));
        }

        // Default + 3 projects: one more than the free plan's 3.
        await Workspace(user).SetPlanAsync("free");

        var me = await user.Session.GetJsonAsync<DashmonMe>("/api/me");
        Assert.True(me.WriteLocked);
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/monitor/add", new { name = "Locked out", url = "127.0.0.1", type = "tcp", port = 9, interval = 600, retryInterval = 600, requestTimeout = 5 }), HttpStatusCode.Forbidden, "write_locked");
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync($"/api/projects/{projects[0]}", new { name = "Renamed" }), HttpStatusCode.Forbidden, "write_locked");
        Assert.Equal(4, (await user.ProjectsAsync()).Count);

        await Workspace(user).SetPlanAsync("premium");
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync($"/api/projects/{projects[0]}", new { name = "Renamed" })).StatusCode);
    }

    [Fact]
    public async Task CreatingBeyondThePlanLimitIsRefused()
    {
        var user = await fixture.NewUserAsync();
        await Workspace(user).SetPlanAsync("free");
        await Dashmon.DashmonClient.CreateProjectAsync(user, "One");
        await Dashmon.DashmonClient.CreateProjectAsync(user, "Two");

        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/projects", new { name = "Three" }), HttpStatusCode.Forbidden, "plan_limit_reached");
        var status = await Workspace(user).PlanStatusAsync();
        Assert.Equal(3, status.Projects);
        Assert.Equal(3, status.ProjectLimit);
        Assert.False(status.WriteLocked);
    }

    [Fact]
    public async Task FreePlanRefusesIntervalsBelowItsMinimum()
    {
        var user = await fixture.NewUserAsync();
        await Workspace(user).SetPlanAsync("free");
        var project = await user.DefaultProjectAsync();

        var refused = await ApiAssert.ErrorAsync(
            await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "Too eager", type = "tcp", host = "127.0.0.1", port = 9, interval = 60 }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
        Assert.Contains("300", refused.Errors!["interval"]);
        var accepted = await Dashmon.DashmonClient.CreateDeviceAsync(user, project, new { name = "Patient", type = "tcp", host = "127.0.0.1", port = 9, interval = 300 });
        await ApiAssert.ErrorAsync(
            await user.Session.PutAsJsonAsync($"/api/devices/{accepted.Id}", new { interval = 120 }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
    }

    [Fact]
    public async Task TokensStopAtThePlansLimit()
    {
        var user = await fixture.NewUserAsync();
        var limit = (await Workspace(user).PlanStatusAsync()).TokenLimit;
        Assert.Equal(10, limit); // the test cluster's setting

        for (var i = 0; i < limit; i++)
        {
            await user.CreateTokenAsync("read_only");
        }

        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/user/api-tokens", new { label = "one too many", accessLevel = "read_only" }), HttpStatusCode.Forbidden, "plan_limit_reached");
        var first = (await user.TokensAsync())[0].Id;
        Assert.Equal(HttpStatusCode.OK, (await user.Session.DeleteAsync($"/api/user/api-tokens/{first}")).StatusCode);
        await user.CreateTokenAsync("read_only");
    }
}
