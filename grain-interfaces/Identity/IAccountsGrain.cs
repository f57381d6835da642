namespace OrleansMonitor.GrainInterfaces.Identity;

/// <summary>
/// Users, sessions and API tokens (PostgreSQL tables). A stateless worker: any silo answers, use key 0.
/// Secrets are never stored, only their SHA-256; passwords only as a slow salted hash.
/// </summary>
public interface IAccountsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// A new account and its first session. When registration is closed, only the installation's first user and the
    /// holder of a pending invitation (<paramref name="invitationToken"/>) sent to <paramref name="email"/> may register.
    /// </summary>
    Task<RegistrationOutcome> RegisterAsync(string email, string password, string name, string? invitationToken);

    /// <summary>A new session for matching credentials, or null.</summary>
    Task<SessionGrant?> LoginAsync(string email, string password);

    Task LogoutAsync(string sessionSecret);

    /// <summary>The principal of a live session, or null when unknown, expired or ended.</summary>
    Task<Principal?> ResolveSessionAsync(string sessionSecret);

    /// <summary>The principal of a live API token, or null when unknown, expired or revoked.</summary>
    Task<Principal?> ResolveApiTokenAsync(string tokenSecret);

    /// <summary>A new token in the workspace, or null when the workspace's plan allows no more live tokens.</summary>
    Task<IssuedApiToken?> CreateApiTokenAsync(Guid userId, Guid workspaceId, string label, AccessLevel accessLevel, int? expiresInDays);

    Task<IReadOnlyList<ApiTokenInfo>> ListApiTokensAsync(Guid userId);

    /// <summary>The user's live API tokens counted by access level, expiry (within 7 days, none) and use (never used).</summary>
    Task<ApiTokenPosture> TokenPostureAsync(Guid userId);

    /// <summary>Revokes one of the user's tokens. False when the user has no such live token.</summary>
    Task<bool> RevokeApiTokenAsync(Guid userId, Guid tokenId);

    /// <summary>Accepts a team invitation by its token for the signed-in user.</summary>
    Task<Workspaces.InvitationOutcome> AcceptInvitationAsync(string token, Guid userId, string email);

    /// <summary>Makes <paramref name="workspaceId"/> the session's active workspace. False when the user is not a member.</summary>
    Task<bool> SwitchWorkspaceAsync(string sessionSecret, Guid userId, Guid workspaceId);

    /// <summary>The user's live sessions; <paramref name="currentSecret"/> marks the caller's own.</summary>
    Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(Guid userId, string? currentSecret);

    /// <summary>Ends one of the user's sessions; returns the hex SHA-256 of its secret (to drop cached answers), or null when there is no such live session.</summary>
    Task<string?> RevokeSessionAsync(Guid userId, Guid sessionId);

    /// <summary>The user's IANA time zone (UTC until set).</summary>
    Task<string> TimeZoneOfAsync(Guid userId);

    /// <summary>Sets the user's time zone and answers it as stored; null when <paramref name="timeZone"/> is not a known IANA zone name.</summary>
    Task<string?> SetTimeZoneAsync(Guid userId, string timeZone);

    /// <summary>True when the database answers.</summary>
    Task<bool> PingDatabaseAsync();
}
