namespace OrleansMonitor.Tests.Team;

/// <summary>What GET /api/user/team-invitations answers.</summary>
public sealed record InvitationList(IReadOnlyList<InvitationEntry> Invitations);
