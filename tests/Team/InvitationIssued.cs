namespace OrleansMonitor.Tests.Team;

/// <summary>What POST /api/user/team-invitations answers: the invitation's token, shown this once.</summary>
public sealed record InvitationIssued(string Token);
