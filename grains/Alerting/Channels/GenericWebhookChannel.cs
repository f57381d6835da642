using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Sends an alert as a JSON POST (<see cref="GenericWebhookPayload"/>) to a URL the user gives. With a secret the request is
/// signed so the receiver can tell it came from us and is fresh: <c>X-OrleansMonitor-Timestamp</c> is the Unix time in
/// seconds, and <c>X-OrleansMonitor-Signature</c> is <c>sha256=</c> followed by the lowercase hex HMAC-SHA256, keyed with the
/// secret's UTF-8 bytes, of the UTF-8 bytes of <c>"{timestamp}.{body}"</c>, body being the exact bytes received.
/// </summary>
public sealed class GenericWebhookChannel(ChannelHttpClient http, TimeProvider timeProvider) : IAlertChannel
{
    public const string TimestampHeader = "X-OrleansMonitor-Timestamp";
    public const string SignatureHeader = "X-OrleansMonitor-Signature";

    public ChannelKind Kind => ChannelKind.Webhook;

    public Task<ChannelResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = JsonSerializer.SerializeToUtf8Bytes(GenericWebhookPayload.From(delivery));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        Action<HttpRequestHeaders>? sign = null;
        if (!string.IsNullOrEmpty(delivery.Secret))
        {
            var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var signature = Sign(delivery.Secret, timestamp, body);
            sign = headers =>
            {
                headers.TryAddWithoutValidation(TimestampHeader, timestamp);
                headers.TryAddWithoutValidation(SignatureHeader, signature);
            };
        }

        return http.PostAsync(delivery.Destination, content, delivery.IdempotencyKey, cancellationToken, sign);
    }

    /// <summary>"sha256=" and the lowercase hex HMAC-SHA256 of "{timestamp}.{body}" keyed with <paramref name="secret"/>.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}
