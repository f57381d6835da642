using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Team.Responses;

/// <summary>Answer of cancelling or accepting an invitation: the invitation as it now stands.</summary>
public sealed record InvitationResponse(InvitationSummary Invitation) : SuccessResponse;
