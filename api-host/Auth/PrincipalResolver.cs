using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace OrleansMonitor.ApiHost.Auth;

/// <summary>
/// Resolves the caller from the session cookie, <c>Authorization: Bearer &lt;token&gt;</c> or a bare
/// <c>Authorization: &lt;token&gt;</c>. Answers are cached briefly (keyed by a digest, never the secret) so that
/// the accounts grain is not asked on every request; logout and revocation through this host take effect at once.
/// </summary>
public sealed class PrincipalResolver(IClusterClient cluster, IMemoryCache cache, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<Guid, string> _tokenCacheKeys = new();

    public async Task<Principal?> ResolveAsync(HttpRequest request)
    {
        if (ReadToken(request) is { } token)
        {
            return await CachedAsync("t:" + Digest(token), () => Accounts.ResolveApiTokenAsync(token));
        }

        if (SessionCookie.Read(request) is { } session)
        {
            return await CachedAsync("s:" + Digest(session), () => Accounts.ResolveSessionAsync(session));
        }

        return null;
    }

    public void ForgetSession(string secret) => cache.Remove("s:" + Digest(secret));

    /// <summary>Forgets a session known only by the hex SHA-256 of its secret (a revocation from the session list).</summary>
    public void ForgetSessionDigest(string hexDigest) => cache.Remove("s:" + hexDigest.ToUpperInvariant());

    public void ForgetToken(Guid tokenId)
    {
        if (_tokenCacheKeys.TryRemove(tokenId, out var key))
        {
            cache.Remove(key);
        }
    }

    private IAccountsGrain Accounts => cluster.GetGrain<IAccountsGrain>(0);

    private async Task<Principal?> CachedAsync(string key, Func<Task<Principal?>> resolve)
    {
        if (!cache.TryGetValue(key, out Principal? principal))
        {
            principal = await resolve();
            var until = time.GetUtcNow() + CacheFor;
            if (principal?.CredentialExpiresAt is { } expires && expires < until)
            {
                until = expires;
            }

            cache.Set(key, principal, until);
            if (principal?.TokenId is { } tokenId)
            {
                _tokenCacheKeys[tokenId] = key;
            }
        }

        return principal is not null && (principal.CredentialExpiresAt is not { } end || end > time.GetUtcNow()) ? principal : null;
    }

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            return null;
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            header = header[7..].Trim();
        }

        return header.Length is > 0 and <= 512 ? header : null;
    }

    private static string Digest(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
