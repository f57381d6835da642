using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Team;

/// <summary>Roles, project scope, invitations and the account context switch.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TeamAccessTests(ClusterFixture fixture)
{
    private static readonly object Tcp = new { name = "Shared port", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 };

    [Fact]
    public async Task ViewerReadsTheOwnersWorkspaceButCannotChangeIt()
    {
        var owner = await fixture.NewUserAsync();
        var viewer = await fixture.NewUserAsync();
        var project = await Dashmon.DashmonClient.CreateProjectAsync(owner, "Shared");
        var device = (await Dashmon.DashmonClient.CreateDeviceAsync(owner, project, Tcp)).Id;

        await viewer.JoinAsync(owner, "viewer");

        Assert.Equal(HttpStatusCode.OK, (await viewer.Session.GetAsync($"/api/projects/{project}/devices/{device}")).StatusCode);
        Assert.Contains(device, await viewer.Session.GetStringAsync("/api/projects"));
        await ApiAssert.ErrorAsync(await viewer.Session.PutAsJsonAsync($"/api/devices/{device}", new { name = "Renamed" }), HttpStatusCode.Forbidden, "forbidden_role");
        await ApiAssert.ErrorAsync(await viewer.Session.PostAsJsonAsync($"/api/projects/{project}/devices", Tcp), HttpStatusCode.Forbidden, "forbidden_role");
        await ApiAssert.ErrorAsync(await viewer.Session.GetAsync($"/api/monitor/delete?monitorId={device}"), HttpStatusCode.Forbidden, "forbidden_role");
        await ApiAssert.ErrorAsync(await viewer.Session.PostAsJsonAsync("/api/user/team-invitations", new { email = "x@example.test", role = "viewer" }), HttpStatusCode.Forbidden, "forbidden_role");
        var foundation = await viewer.Session.GetJsonAsync<PermissionFoundation>("/api/user/permission-foundation");
        Assert.Equal("viewer", foundation.Role);
        Assert.Equal(["read"], foundation.Permissions);
    }

    [Fact]
    public async Task EditorChangesMonitorsButCannotManageTheTeam()
    {
        var owner = await fixture.NewUserAsync();
        var editor = await fixture.NewUserAsync();
        var project = await Dashmon.DashmonClient.CreateProjectAsync(owner, "Team");
        await editor.JoinAsync(owner, "editor");

        var created = await editor.Session.PostAsJsonAsync($"/api/projects/{project}/devices", Tcp);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync<Dashmon.DashmonDeviceBody>()).Device.Id;
        Assert.Equal("Shared port", (await Dashmon.DashmonClient.DeviceAsync(owner, project, id)).Name);
        await ApiAssert.ErrorAsync(await editor.Session.GetAsync("/api/user/team-invitations"), HttpStatusCode.Forbidden, "forbidden_role");
        await ApiAssert.ErrorAsync(await editor.Session.PostAsJsonAsync("/api/user/api-tokens", new { label = "x", accessLevel = "read_only" }), HttpStatusCode.Forbidden, "forbidden_role");
    }

    [Fact]
    public async Task ScopedMemberSeesOnlyItsProjectsAndEverythingElseIs404()
    {
        var owner = await fixture.NewUserAsync();
        var member = await fixture.NewUserAsync();
        var visible = await Dashmon.DashmonClient.CreateProjectAsync(owner, "Visible");
        var hidden = await Dashmon.DashmonClient.CreateProjectAsync(owner, "Hidden");
        var inside = (await Dashmon.DashmonClient.CreateDeviceAsync(owner, visible, Tcp)).Id;
        var outside = (await Dashmon.DashmonClient.CreateDeviceAsync(owner, hidden, Tcp)).Id;

        await member.JoinAsync(owner, "editor", [visible]);

        var projects = await Dashmon.DashmonClient.ProjectsAsync(member);
        Assert.Equal([visible.ToString()], projects.Select(p => p.Id));
        Assert.Equal(HttpStatusCode.OK, (await member.Session.GetAsync($"/api/projects/{visible}/devices/{inside}")).StatusCode);
        await ApiAssert.ErrorAsync(await member.Session.GetAsync($"/api/projects/{hidden}/devices/{outside}"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await member.Session.GetAsync($"/api/monitor/id?monitorId={outside}"), HttpStatusCode.NotFound, "monitor_not_found");
        await ApiAssert.ErrorAsync(await member.Session.PutAsJsonAsync($"/api/devices/{outside}", new { name = "Touched" }), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await member.Session.DeleteAsync($"/api/devices/{outside}"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await member.Session.GetAsync($"/api/devices/{outside}/history"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await member.Session.GetAsync($"/api/devices/{outside}/analytics"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await member.Session.PutAsJsonAsync($"/api/devices/{outside}/tags", new { tags = new[] { "x" } }), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await member.Session.PostAsJsonAsync($"/api/maintenance/device/{outside}", new { end = DateTimeOffset.UtcNow.AddHours(1) }), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await member.Session.PostAsJsonAsync($"/api/projects/{hidden}/devices", Tcp), HttpStatusCode.NotFound, "project_not_found");
        await ApiAssert.ErrorAsync(await member.Session.DeleteAsync($"/api/projects/{hidden}"), HttpStatusCode.NotFound, "project_not_found");
        await ApiAssert.ErrorAsync(await member.Session.PostAsJsonAsync("/api/projects", new { name = "Mine" }), HttpStatusCode.Forbidden, "forbidden_scope");
        Assert.Equal("Shared port", (await Dashmon.DashmonClient.DeviceAsync(owner, hidden, outside)).Name);
    }

    [Fact]
    public async Task InvitationsAreSingleUseForTheInvitedEmailAndCanBeCancelled()
    {
        var owner = await fixture.NewUserAsync();
        var invited = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();

        var token = await owner.InviteAsync(invited.Email, "viewer");
        await ApiAssert.ErrorAsync(await stranger.Session.PostAsJsonAsync("/api/user/team-invitations/accept", new { token }), HttpStatusCode.Forbidden, "invitation_email_mismatch");
        Assert.Equal(HttpStatusCode.OK, (await invited.Session.PostAsJsonAsync("/api/user/team-invitations/accept", new { token })).StatusCode);
        await ApiAssert.ErrorAsync(await invited.Session.PostAsJsonAsync("/api/user/team-invitations/accept", new { token }), HttpStatusCode.Conflict, "invitation_used");

        var second = await owner.InviteAsync(stranger.Email, "editor");
        var listing = await owner.Session.GetStringAsync("/api/user/team-invitations");
        Assert.DoesNotContain(second, listing); // no token anywhere in the list
        var listed = JsonSerializer.Deserialize<InvitationList>(listing, ApiJson.Options)!.Invitations;
        var pending = listed.Single(i => i.Email == stranger.Email);
        Assert.Equal("pending", pending.Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.Session.PostAsync($"/api/user/team-invitations/{pending.Id}/cancel", null)).StatusCode);
        await ApiAssert.ErrorAsync(await stranger.Session.PostAsJsonAsync("/api/user/team-invitations/accept", new { token = second }), HttpStatusCode.Conflict, "invitation_cancelled");
        await ApiAssert.ErrorAsync(await stranger.Session.PostAsJsonAsync("/api/user/team-invitations/accept", new { token = "omi_made_up" }), HttpStatusCode.NotFound, "invitation_not_found");

        var third = await owner.InviteAsync(stranger.Email, "editor");
        await fixture.Monitoring.Database.ExecuteAsync("UPDATE om_invitations SET expires_at = now() - interval '1 minute' WHERE workspace_id = $1 AND cancelled_at IS NULL AND accepted_at IS NULL", owner.UserId);
        await ApiAssert.ErrorAsync(await stranger.Session.PostAsJsonAsync("/api/user/team-invitations/accept", new { token = third }), HttpStatusCode.Conflict, "invitation_expired");
        await ApiAssert.ErrorAsync(await owner.Session.PostAsJsonAsync("/api/user/team-invitations", new { email = "not-an-email", role = "owner" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task AccountContextSwitchesOnlyIntoWorkspacesTheUserBelongsTo()
    {
        var owner = await fixture.NewUserAsync();
        var member = await fixture.NewUserAsync();
        var outsider = await fixture.NewUserAsync();
        var project = await Dashmon.DashmonClient.CreateProjectAsync(owner, "Owner's");

        await ApiAssert.ErrorAsync(await outsider.Session.PostAsJsonAsync("/api/user/account-context", new { ownerUserId = owner.UserId }), HttpStatusCode.Forbidden, "not_a_member");
        Assert.DoesNotContain(project.ToString(), await outsider.Session.GetStringAsync("/api/projects"));

        await member.JoinAsync(owner, "viewer");
        Assert.Contains(project.ToString(), await member.Session.GetStringAsync("/api/projects"));
        Assert.Equal(HttpStatusCode.OK, (await member.Session.PostAsJsonAsync("/api/user/account-context", new { ownerUserId = member.UserId })).StatusCode);
        Assert.DoesNotContain(project.ToString(), await member.Session.GetStringAsync("/api/projects"));

        var token = member.WithAuthorization("Bearer " + await member.CreateTokenAsync());
        await ApiAssert.ErrorAsync(await token.PostAsJsonAsync("/api/user/account-context", new { ownerUserId = owner.UserId }), HttpStatusCode.Forbidden, "session_required");
    }
}
