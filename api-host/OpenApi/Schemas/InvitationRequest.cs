using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/user/team-invitations</c>.</summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record InvitationRequest
{
    public required string Email { get; init; }

    [Description("admin, editor or viewer: never above the inviter's own role, never owner.")]
    public required string Role { get; init; }

    [Description("Limits the member to these projects (within the inviter's own scope); the whole workspace when left out.")]
    public IReadOnlyList<Guid>? ProjectIds { get; init; }

    [Description("Days until the invitation expires, 1 to 30 (7 by default).")]
    public int? ExpiresInDays { get; init; }
}
