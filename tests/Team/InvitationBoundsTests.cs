using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Team;

/// <summary>An inviter grants no more than it holds: a role up to its own (never owner), projects within its own scope.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InvitationBoundsTests(ClusterFixture fixture)
{
    private static Task<HttpResponseMessage> InviteAsync(ApiUser inviter, string role, params Guid[] projects) =>
        inviter.Session.PostAsJsonAsync("/api/user/team-invitations", new
        {
            email = $"invitee-{Guid.NewGuid():N}@example.test",
            role,
            projectIds = projects.Length == 0 ? null : projects.Select(p => p.ToString()).ToArray(),
        });

    [Fact]
    public async Task AScopedAdminInvitesOnlyWithinItsOwnProjects()
    {
        var owner = await fixture.NewUserAsync();
        var mine = await owner.CreateProjectAsync("Mine");
        var also = await owner.CreateProjectAsync("Also mine");
        var theirs = await owner.CreateProjectAsync("Theirs");
        var admin = await fixture.NewUserAsync();
        await admin.JoinAsync(owner, "admin", [mine, also]);

        await ApiAssert.ErrorAsync(await InviteAsync(admin, "viewer"), HttpStatusCode.Forbidden, "forbidden_scope");
        await ApiAssert.ErrorAsync(await InviteAsync(admin, "viewer", theirs), HttpStatusCode.Forbidden, "forbidden_scope");
        await ApiAssert.ErrorAsync(await InviteAsync(admin, "editor", mine, theirs), HttpStatusCode.Forbidden, "forbidden_scope");
        // A project that does not exist is outside the scope too: the answer says nothing about what exists.
        await ApiAssert.ErrorAsync(await InviteAsync(admin, "viewer", Guid.NewGuid()), HttpStatusCode.Forbidden, "forbidden_scope");

        Assert.Equal(HttpStatusCode.Created, (await InviteAsync(admin, "admin", mine)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await InviteAsync(admin, "viewer", mine, also)).StatusCode);
        var invitations = (await fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(owner.UserId).ListInvitationsAsync()).Where(i => i.Status == "pending").ToArray();
        Assert.Equal(2, invitations.Length);
        Assert.All(invitations, i => Assert.NotNull(i.ProjectScope));
        Assert.All(invitations, i => Assert.DoesNotContain(theirs, i.ProjectScope!));
    }

    [Fact]
    public async Task NobodyGrantsARoleAboveItsOwnNorOwner()
    {
        var owner = await fixture.NewUserAsync();
        var project = await owner.CreateProjectAsync("Any");
        var admin = await fixture.NewUserAsync();
        var editor = await fixture.NewUserAsync();
        await admin.JoinAsync(owner, "admin");
        await editor.JoinAsync(owner, "editor");

        await ApiAssert.ErrorAsync(await InviteAsync(admin, "owner"), HttpStatusCode.Forbidden, "forbidden_role");
        await ApiAssert.ErrorAsync(await InviteAsync(owner, "owner"), HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(HttpStatusCode.Created, (await InviteAsync(admin, "admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await InviteAsync(owner, "admin", project)).StatusCode);

        // The grain holds the rule, whoever calls it: an editor (the route already wants an admin) or a stranger.
        var workspace = fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(owner.UserId);
        var week = TimeSpan.FromDays(7);
        Assert.Equal("forbidden_role", (await workspace.InviteAsync(editor.UserId, "a@example.test", WorkspaceRole.Admin, null, week)).Error);
        Assert.Equal("forbidden_role", (await workspace.InviteAsync(Guid.NewGuid(), "b@example.test", WorkspaceRole.Viewer, null, week)).Error);
        Assert.Null((await workspace.InviteAsync(editor.UserId, "c@example.test", WorkspaceRole.Editor, null, week)).Error);
        Assert.Equal(3, (await workspace.ListInvitationsAsync()).Count(i => i.Status == "pending"));
    }
}
