using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Answer of <c>POST /api/user/api-tokens</c>: the raw token, shown this once.</summary>
public sealed record ApiTokenCreatedResponse
{
    public required bool Success { get; init; }

    [Description("The raw token, shown only now: send it as Authorization: Bearer <token> or Authorization: <token>.")]
    public required string Token { get; init; }

    public required ApiTokenInfo ApiToken { get; init; }
}
