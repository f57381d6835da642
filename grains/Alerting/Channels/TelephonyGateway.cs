using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// The Twilio-compatible REST gateway SMS and voice alerts share: a form POST to
/// <c>{BaseUrl}/2010-04-01/Accounts/{AccountSid}/{resource}</c> with HTTP Basic authentication (account SID, auth token),
/// sent and mapped by <see cref="ChannelHttpClient"/>. It also checks a destination is a phone number before anything is sent.
/// </summary>
public sealed class TelephonyGateway(ChannelHttpClient http, IOptions<TelephonyGatewayOptions> options)
{
    public const string MessagesResource = "Messages.json";
    public const string CallsResource = "Calls.json";

    /// <summary>
    /// Posts <paramref name="fields"/> (To and From are added) to <paramref name="resource"/> for the phone number
    /// <paramref name="destination"/>. Fails without sending when the gateway is not configured or the number is invalid.
    /// </summary>
    public Task<ChannelResult> PostAsync(
        string resource, string destination, IEnumerable<KeyValuePair<string, string>> fields, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var gateway = options.Value;
        if (string.IsNullOrWhiteSpace(gateway.BaseUrl) || string.IsNullOrWhiteSpace(gateway.AccountSid) || string.IsNullOrWhiteSpace(gateway.From))
        {
            return Task.FromResult(ChannelResult.Failed(null, "The telephony gateway is not configured (Alerting:Telephony)", false, 0));
        }

        if (PhoneNumber.Normalize(destination) is not { } to)
        {
            return Task.FromResult(ChannelResult.Failed(null, "Invalid phone number: E.164 (+ and 7 to 15 digits) is required", false, 0));
        }

        var url = $"{gateway.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(gateway.AccountSid)}/{resource}";
        var form = new List<KeyValuePair<string, string>> { new("To", to), new("From", gateway.From) };
        form.AddRange(fields);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{gateway.AccountSid}:{gateway.AuthToken}"));
        return http.PostAsync(
            url,
            new FormUrlEncodedContent(form),
            idempotencyKey,
            cancellationToken,
            headers => headers.Authorization = new AuthenticationHeaderValue("Basic", credentials));
    }
}
