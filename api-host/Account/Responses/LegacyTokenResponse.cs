using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>Answer of <c>GET /api/user/api-token</c>: labeled tokens replace the legacy token, and where to find them.</summary>
public sealed record LegacyTokenResponse(
    LegacyTokenStatus LegacyToken,
    [property: Description("The route of the labeled API tokens.")] string Use,
    [property: Description("True when the workspace's plan accepts bearer tokens.")] bool BearerTokens) : SuccessResponse;
