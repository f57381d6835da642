using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Identity.Responses;

/// <summary>Answer of <c>POST /api/user/api-tokens</c>: the raw token, shown this once.</summary>
public sealed record ApiTokenCreatedResponse(
    [property: Description("The raw token, shown only now: send it as Authorization: Bearer <token> or Authorization: <token>.")] string Token,
    ApiTokenSummary ApiToken) : SuccessResponse;
