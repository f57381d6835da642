namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Configuration section <c>Alerting:Telephony</c>: the Twilio-compatible gateway SMS and voice alerts go through, the
/// account it bills and the number they come from. An empty <see cref="BaseUrl"/> means SMS and voice are not configured.
/// </summary>
public sealed class TelephonyGatewayOptions
{
    public const string Section = "Alerting:Telephony";

    /// <summary>The gateway's base URL, for example https://api.twilio.com.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    public string AccountSid { get; set; } = string.Empty;

    public string AuthToken { get; set; } = string.Empty;

    /// <summary>The number messages and calls come from (E.164, "+15550100").</summary>
    public string From { get; set; } = string.Empty;
}
