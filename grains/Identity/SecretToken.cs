using System.Security.Cryptography;

namespace OrleansMonitor.Grains.Identity;

/// <summary>Random secrets for sessions and API tokens, and the SHA-256 digest under which they are stored.</summary>
public static class SecretToken
{
    public const string ApiTokenPrefix = "om_";

    /// <summary>A URL-safe secret of 32 random bytes, optionally prefixed.</summary>
    public static string New(string prefix = "") =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
}
