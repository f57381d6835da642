using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/auth/register</c> (documentation only; the handler reads the JSON field by field).</summary>
public sealed record RegisterRequest
{
    [Description("The new account's email (at most 254 characters).")]
    public required string Email { get; init; }

    [Description("The password (at most 1024 characters).")]
    public required string Password { get; init; }

    [Description("The user's display name (at most 200 characters).")]
    public required string Name { get; init; }

    [Description("An invitation's token (omi_...): with Identity:Registration=closed, only invited emails may register.")]
    public string? InvitationToken { get; init; }
}
