using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Identity;

/// <summary>Small helpers over the identity routes for one signed-in user.</summary>
public static class IdentityClient
{
    /// <summary>GET /api/user/api-tokens.</summary>
    public static async Task<IReadOnlyList<ApiTokenEntry>> TokensAsync(this ApiUser user) =>
        (await user.Session.GetJsonAsync<ApiTokenList>("/api/user/api-tokens")).Tokens;
}
