using System.Xml;
using System.Xml.Linq;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Calls the destination phone number through the <see cref="TelephonyGateway"/> and reads the alert out: TwiML
/// <c>&lt;Response&gt;&lt;Say&gt;…&lt;/Say&gt;&lt;/Response&gt;</c> built with LINQ to XML, so the text is XML-escaped, and
/// characters XML cannot carry (control characters) are dropped; surrogate pairs, already whole, are kept.
/// </summary>
public sealed class VoiceChannel(TelephonyGateway gateway) : IAlertChannel
{
    /// <summary>The longest text read out; a call is no place for a long cause.</summary>
    public const int MaxSpokenLength = 500;

    public ChannelKind Kind => ChannelKind.Voice;

    public Task<ChannelResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return gateway.PostAsync(
            TelephonyGateway.CallsResource, delivery.Destination, [new("Twiml", Twiml(delivery.Event))], delivery.IdempotencyKey, cancellationToken);
    }

    /// <summary>The TwiML document that reads <paramref name="alert"/> out.</summary>
    public static string Twiml(AlertEvent alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var spoken = $"OrleansMonitor alert. {alert.Title}.";
        if (alert.Cause.Length > 0)
        {
            spoken += $" {alert.Cause}.";
        }

        var text = new string([.. StoredText.Clean(spoken, MaxSpokenLength).Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))]);
        return new XElement("Response", new XElement("Say", text)).ToString(SaveOptions.DisableFormatting);
    }
}
