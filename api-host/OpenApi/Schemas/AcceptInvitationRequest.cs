namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/user/team-invitations/accept</c>: only the invited email may accept.</summary>
public sealed record AcceptInvitationRequest
{
    public required string Token { get; init; }
}
