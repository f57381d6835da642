using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.Grains.Workspaces;

/// <summary>One row of om_invitations.</summary>
public sealed record InvitationRecord(
    Guid Id,
    Guid WorkspaceId,
    string Email,
    WorkspaceRole Role,
    IReadOnlyList<Guid>? ProjectScope,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? CancelledAt)
{
    public string StatusAt(DateTimeOffset now) =>
        AcceptedAt is not null ? "accepted"
        : CancelledAt is not null ? "cancelled"
        : ExpiresAt <= now ? "expired"
        : "pending";

    public InvitationInfo ToInfo(DateTimeOffset now) => new(Id, Email, Role, ProjectScope, CreatedAt, ExpiresAt, StatusAt(now));
}
