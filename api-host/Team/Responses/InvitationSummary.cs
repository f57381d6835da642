using System.ComponentModel;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Team.Responses;

/// <summary>A team invitation as listed (never its token).</summary>
public sealed record InvitationSummary(
    Guid Id,
    string Email,
    WorkspaceRole Role,
    [property: Description("The projects the member will see; null for the whole workspace.")] IReadOnlyList<Guid>? ProjectIds,
    [property: Description("pending, accepted, cancelled or expired.")] string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public static InvitationSummary Of(InvitationInfo invitation) => new(
        invitation.Id,
        invitation.Email,
        invitation.Role,
        invitation.ProjectScope,
        invitation.Status,
        invitation.CreatedAt,
        invitation.ExpiresAt);
}
