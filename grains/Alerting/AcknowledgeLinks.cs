using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// Signed, single-purpose acknowledge links: <c>{PublicUrl}/ack/{token}</c>, where the token is
/// <c>base64url(payload).base64url(HMAC-SHA256(key, payload))</c> and the payload
/// <c>ack.1.{workspace id}.{incident id}.{expiry, Unix seconds}</c>. The token acknowledges that one incident and nothing
/// else, until it expires; the key is the installation's (<see cref="SigningKeys"/>), so any silo verifies what any
/// silo signed. A token that does not verify is indistinguishable from an unknown one.
/// </summary>
public sealed class AcknowledgeLinks(SigningKeys keys, IOptions<AlertLinkOptions> options, TimeProvider time)
{
    public const string KeyPurpose = "acknowledge-links";

    /// <summary>Longest token accepted; longer input is refused before it is decoded.</summary>
    public const int MaxTokenLength = 256;

    private const string Prefix = "ack.1.";

    /// <summary>The link for <paramref name="incidentId"/>, valid for the configured lifetime from now; null when no public URL is configured.</summary>
    public async Task<string?> UrlForAsync(Guid workspaceId, long incidentId)
    {
        var root = options.Value.PublicUrl;
        if (string.IsNullOrEmpty(root))
        {
            return null;
        }

        return $"{root.TrimEnd('/')}/ack/{await TokenForAsync(workspaceId, incidentId, time.GetUtcNow() + options.Value.AcknowledgeLinkLifetime)}";
    }

    /// <summary>A token for <paramref name="incidentId"/> that expires at <paramref name="expires"/>.</summary>
    public async Task<string> TokenForAsync(Guid workspaceId, long incidentId, DateTimeOffset expires)
    {
        var payload = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{workspaceId:N}.{incidentId}.{expires.ToUnixTimeSeconds()}"));
        var mac = HMACSHA256.HashData(await keys.KeyAsync(KeyPurpose), payload);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>The incident a token acknowledges, or null when it is malformed, forged or expired.</summary>
    public async Task<(Guid WorkspaceId, long IncidentId)?> VerifyAsync(string? token)
    {
        if (token is null || token.Length > MaxTokenLength || token.Split('.') is not [var payloadText, var macText]
            || !TryDecode(payloadText, out var payload) || !TryDecode(macText, out var mac))
        {
            return null;
        }

        var expected = HMACSHA256.HashData(await keys.KeyAsync(KeyPurpose), payload);
        if (!CryptographicOperations.FixedTimeEquals(expected, mac))
        {
            return null;
        }

        // Signed by this installation, so well formed; checked anyway.
        var parts = Encoding.ASCII.GetString(payload).Split('.');
        if (parts is not ["ack", "1", var workspace, var incident, var expiry]
            || !Guid.TryParseExact(workspace, "N", out var workspaceId)
            || !long.TryParse(incident, NumberStyles.None, CultureInfo.InvariantCulture, out var incidentId)
            || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || time.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return null;
        }

        return (workspaceId, incidentId);
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return bytes.Length > 0;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
