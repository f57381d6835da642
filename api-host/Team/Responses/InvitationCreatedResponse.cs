using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Team.Responses;

/// <summary>Answer of <c>POST /api/user/team-invitations</c>: the invitation and its single-use token, shown this once.</summary>
public sealed record InvitationCreatedResponse(
    [property: Description("The token the invited person accepts with (omi_...), shown only now.")] string? Token,
    InvitationSummary Invitation) : SuccessResponse;
