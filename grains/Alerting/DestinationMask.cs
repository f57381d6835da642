namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// How a delivery's destination is shown in its history: a webhook URL carries its secret in its path, so only its
/// scheme and host are shown; a phone number keeps its last four digits; email addresses and members are shown as they are.
/// </summary>
public static class DestinationMask
{
    public static string Of(ChannelKind channel, string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return channel switch
        {
            ChannelKind.Webhook or ChannelKind.Slack or ChannelKind.Teams or ChannelKind.Discord =>
                Uri.TryCreate(destination, UriKind.Absolute, out var url) ? $"{url.Scheme}://{url.Authority}/…" : "…",
            ChannelKind.Sms or ChannelKind.Voice =>
                destination.Length > 4 ? new string('•', destination.Length - 4) + destination[^4..] : destination,
            _ => destination,
        };
    }
}
