using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OrleansMonitor.GrainInterfaces.Identity;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Text;
using OrleansMonitor.Grains.Workspaces;

namespace OrleansMonitor.Grains.Identity;

/// <summary>Accounts, sessions and tokens over <see cref="IdentityStore"/>. Stateless: any silo, many at once.</summary>
[StatelessWorker]
[GrainType("accounts")]
public sealed class AccountsGrain(
    IdentityStore store,
    MembershipStore memberships,
    IPasswordHasher<UserRecord> hasher,
    TimeProvider time,
    IOptions<IdentityOptions> options)
    : Grain, IAccountsGrain
{
    private readonly IdentityOptions _options = options.Value;

    public async Task<RegistrationOutcome> RegisterAsync(string email, string password, string name, string? invitationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        email = email.Trim();
        name = name.Trim();
        if (!EmailAddress.IsValid(email))
        {
            errors["email"] = "Email must be a valid address";
        }

        if (password.Length < _options.MinPasswordLength || password.Length > _options.MaxPasswordLength)
        {
            errors["password"] = $"Password must be between {_options.MinPasswordLength} and {_options.MaxPasswordLength} characters";
        }

        if (name.Length is < 1 or > 100)
        {
            errors["name"] = "Name must be between 1 and 100 characters";
        }
        else if (!OneLineText.IsValid(name))
        {
            errors["name"] = "Name must be one line of text without control characters";
        }

        if (errors.Count > 0)
        {
            return new RegistrationOutcome(null, false, errors);
        }

        // Every user owns a personal workspace; its id is the owner's user id.
        var userId = Guid.NewGuid();
        var user = new UserRecord(userId, email, name, "", userId);
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        if (_options.Registration == RegistrationMode.Closed && !await IsInvitedAsync(email, invitationToken))
        {
            // Closed: without an invitation only the installation's first user gets in (decided by the insert itself).
            return await store.TryAddFirstUserAsync(user)
                ? new RegistrationOutcome(await StartSessionAsync(user), false, null)
                : new RegistrationOutcome(null, false, null, RegistrationClosed: true);
        }

        if (!await store.TryAddUserAsync(user))
        {
            return new RegistrationOutcome(null, true, null);
        }

        return new RegistrationOutcome(await StartSessionAsync(user), false, null);
    }

    /// <summary>True when <paramref name="token"/> is a pending (not used, cancelled or expired) invitation sent to <paramref name="email"/>.</summary>
    private async Task<bool> IsInvitedAsync(string email, string? token) =>
        token is { Length: > 0 and <= 200 }
        && await memberships.InvitationByTokenAsync(SecretToken.Hash(token)) is { } invitation
        && invitation.StatusAt(time.GetUtcNow()) == "pending"
        && string.Equals(invitation.Email, email, StringComparison.OrdinalIgnoreCase);

    public async Task<SessionGrant?> LoginAsync(string email, string password)
    {
        var user = await store.FindUserByEmailAsync(email.Trim());
        if (user is null || password.Length > _options.MaxPasswordLength)
        {
            // Spend the same hashing work for unknown accounts so timing does not reveal which emails exist.
            hasher.VerifyHashedPassword(DummyUser, DummyUser.PasswordHash, password.Length > _options.MaxPasswordLength ? "" : password);
            return null;
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.UpdatePasswordHashAsync(user.Id, hasher.HashPassword(user, password));
        }

        return await StartSessionAsync(user);
    }

    public Task LogoutAsync(string sessionSecret) => store.EndSessionAsync(SecretToken.Hash(sessionSecret), time.GetUtcNow());

    public Task<Principal?> ResolveSessionAsync(string sessionSecret) =>
        store.FindLiveSessionAsync(SecretToken.Hash(sessionSecret), time.GetUtcNow());

    public Task<Principal?> ResolveApiTokenAsync(string tokenSecret) =>
        store.UseLiveApiTokenAsync(SecretToken.Hash(tokenSecret), time.GetUtcNow());

    public async Task<IssuedApiToken?> CreateApiTokenAsync(Guid userId, Guid workspaceId, string label, AccessLevel accessLevel, int? expiresInDays)
    {
        if (accessLevel == AccessLevel.Session)
        {
            throw new ArgumentOutOfRangeException(nameof(accessLevel), "A token is read_only or read_write");
        }

        var plan = await GrainFactory.GetGrain<IWorkspaceGrain>(workspaceId).PlanStatusAsync();
        if (await store.CountLiveTokensAsync(workspaceId, time.GetUtcNow()) >= plan.TokenLimit)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var secret = SecretToken.New(SecretToken.ApiTokenPrefix);
        var info = new ApiTokenInfo(
            Guid.NewGuid(),
            label,
            accessLevel,
            now,
            expiresInDays is { } days ? now.AddDays(Math.Clamp(days, 1, _options.MaxTokenDays)) : null,
            null,
            secret[..(SecretToken.ApiTokenPrefix.Length + 6)]);
        await store.AddApiTokenAsync(info, userId, workspaceId, SecretToken.Hash(secret));
        return new IssuedApiToken(info, secret);
    }

    public Task<IReadOnlyList<ApiTokenInfo>> ListApiTokensAsync(Guid userId) => store.ListLiveApiTokensAsync(userId);

    public async Task<ApiTokenPosture> TokenPostureAsync(Guid userId)
    {
        var tokens = await store.ListLiveApiTokensAsync(userId);
        var now = time.GetUtcNow();
        return new ApiTokenPosture(
            Total: tokens.Count,
            ReadOnly: tokens.Count(t => t.AccessLevel == AccessLevel.ReadOnly),
            ReadWrite: tokens.Count(t => t.AccessLevel == AccessLevel.ReadWrite),
            ExpiringWithin7Days: tokens.Count(t => t.ExpiresAt is { } e && e - now <= TimeSpan.FromDays(7)),
            NeverUsed: tokens.Count(t => t.LastUsedAt is null),
            WithoutExpiry: tokens.Count(t => t.ExpiresAt is null));
    }

    public Task<bool> RevokeApiTokenAsync(Guid userId, Guid tokenId) => store.RevokeApiTokenAsync(userId, tokenId, time.GetUtcNow());

    public Task<bool> PingDatabaseAsync() => store.PingAsync();

    public Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(Guid userId, string? currentSecret) =>
        store.LiveSessionsAsync(userId, currentSecret is null ? null : SecretToken.Hash(currentSecret), time.GetUtcNow());

    public async Task<string?> RevokeSessionAsync(Guid userId, Guid sessionId) =>
        await store.EndSessionByIdAsync(userId, sessionId, time.GetUtcNow()) is { } digest ? Convert.ToHexString(digest) : null;

    public Task<string> TimeZoneOfAsync(Guid userId) => store.TimeZoneOfAsync(userId);

    public async Task<string?> SetTimeZoneAsync(Guid userId, string timeZone)
    {
        // IANA names only ("Europe/Paris", "UTC"): the zone database of this machine decides.
        if (timeZone.Length is 0 or > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) || !zone.HasIanaId)
        {
            return null;
        }

        await store.SetTimeZoneAsync(userId, zone.Id);
        return zone.Id;
    }

    public async Task<InvitationOutcome> AcceptInvitationAsync(string token, Guid userId, string email)
    {
        if (token.Length is 0 or > 200 || await memberships.InvitationByTokenAsync(SecretToken.Hash(token)) is not { } invitation)
        {
            return new InvitationOutcome(null, null, "invitation_not_found");
        }

        return await GrainFactory.GetGrain<IWorkspaceGrain>(invitation.WorkspaceId).AcceptInvitationAsync(invitation.Id, userId, email);
    }

    public async Task<bool> SwitchWorkspaceAsync(string sessionSecret, Guid userId, Guid workspaceId)
    {
        if (await GrainFactory.GetGrain<IWorkspaceGrain>(workspaceId).AccessOfAsync(userId) is null)
        {
            return false;
        }

        return await store.SwitchSessionWorkspaceAsync(SecretToken.Hash(sessionSecret), userId, workspaceId, time.GetUtcNow());
    }

    private async Task<SessionGrant> StartSessionAsync(UserRecord user)
    {
        var now = time.GetUtcNow();
        var secret = SecretToken.New();
        var expiresAt = now + _options.SessionLifetime;
        await store.AddSessionAsync(SecretToken.Hash(secret), user.Id, user.WorkspaceId, now, expiresAt);
        return new SessionGrant(secret, expiresAt, new Principal(user.Id, user.Email, user.Name, user.WorkspaceId, AccessLevel.Session, expiresAt, null));
    }

    private static readonly UserRecord DummyUser = CreateDummy();

    private static UserRecord CreateDummy()
    {
        var dummy = new UserRecord(Guid.Empty, "", "", "", Guid.Empty);
        return dummy with { PasswordHash = new PasswordHasher<UserRecord>().HashPassword(dummy, SecretToken.New()) };
    }
}
