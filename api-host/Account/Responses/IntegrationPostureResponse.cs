using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>Answer of <c>GET /api/user/integration-posture</c>: the token posture and alert routing of the workspace.</summary>
public sealed record IntegrationPostureResponse(
    TokenPosture Tokens,
    AlertRoutingPosture Routing,
    [property: Description("Recent alert deliveries; always empty in this version.")] IReadOnlyList<object> RecentDeliveries,
    [property: Description("True when the workspace's plan accepts bearer tokens.")] bool BearerTokensActive) : SuccessResponse;
