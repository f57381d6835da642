using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Team;

/// <summary>Helpers to bring a second user into an owner's workspace through the invitation routes.</summary>
public static class TeamMember
{
    public static async Task<string> InviteAsync(this ApiUser owner, string email, string role, IEnumerable<Guid>? projectIds = null)
    {
        var response = await owner.Session.PostAsJsonAsync("/api/user/team-invitations", new { email, role, projectIds = projectIds?.Select(p => p.ToString()).ToArray() });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"invite answered {(int)response.StatusCode}: {text}");
        return (await response.ReadJsonAsync<InvitationIssued>()).Token;
    }

    /// <summary>Invites <paramref name="member"/>, accepts, and switches the member's session into the owner's workspace.</summary>
    public static async Task JoinAsync(this ApiUser member, ApiUser owner, string role, IEnumerable<Guid>? projectIds = null)
    {
        var token = await owner.InviteAsync(member.Email, role, projectIds);
        var accepted = await member.Session.PostAsJsonAsync("/api/user/team-invitations/accept", new { token });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var switched = await member.Session.PostAsJsonAsync("/api/user/account-context", new { ownerUserId = owner.UserId });
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
    }
}
