using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Answer of register and login; the session itself travels in the HttpOnly <c>access_token</c> cookie.</summary>
public sealed record SessionResponse
{
    public required bool Success { get; init; }

    public required SessionUser User { get; init; }

    [Description("The active workspace (at first the user's personal one, whose id is the user's id).")]
    public required Guid WorkspaceId { get; init; }

    [Description("When the session cookie expires (Identity:SessionLifetime after sign-in).")]
    public required DateTimeOffset ExpiresAt { get; init; }
}
