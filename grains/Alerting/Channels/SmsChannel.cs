using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Sends an alert as a text message through the <see cref="TelephonyGateway"/> to the destination phone number: the
/// title, the cause and the dashboard link, capped at <see cref="MaxLength"/> characters (two SMS segments).
/// </summary>
public sealed class SmsChannel(TelephonyGateway gateway) : IAlertChannel
{
    public const int MaxLength = 320;

    public ChannelKind Kind => ChannelKind.Sms;

    public Task<ChannelResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return gateway.PostAsync(
            TelephonyGateway.MessagesResource, delivery.Destination, [new("Body", Text(delivery.Event))], delivery.IdempotencyKey, cancellationToken);
    }

    /// <summary>The message text for <paramref name="alert"/>, at most <see cref="MaxLength"/> characters.</summary>
    public static string Text(AlertEvent alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var text = alert.Cause.Length > 0 ? $"{alert.Title}: {alert.Cause}" : alert.Title;
        if (AlertWording.Link(alert.DashboardUrl) is { } link && text.Length + link.Length + 1 <= MaxLength)
        {
            text = $"{text} {link}";
        }

        return StoredText.Clean(text, MaxLength);
    }
}
