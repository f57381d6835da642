using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Sends an alert as an email (<see cref="AlertEmail"/>, multipart/alternative: plain text and HTML) to the destination
/// address through the configured SMTP server (<see cref="SmtpOptions"/>), on a fresh connection per send. An invalid
/// address, a 5xx answer, a refused login or missing TLS support are failures not worth retrying; a 4xx answer, a lost
/// connection or a timeout (<see cref="ChannelOptions.Timeout"/>) are.
/// </summary>
public sealed class EmailChannel(IOptions<SmtpOptions> smtp, IOptions<ChannelOptions> channel) : IAlertChannel
{
    public const string IdempotencyHeader = "X-OrleansMonitor-Idempotency-Key";

    public ChannelKind Kind => ChannelKind.Email;

    public async Task<ChannelResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var options = smtp.Value;
        if (string.IsNullOrWhiteSpace(options.Host) || !MailboxAddress.TryParse(options.From, out var from))
        {
            return ChannelResult.Failed(null, "Email is not configured (Smtp:Host and Smtp:From)", false, 0);
        }

        if (!TryParseRecipient(delivery.Destination, out var recipient))
        {
            return ChannelResult.Failed(null, Clean($"Invalid email address '{delivery.Destination}'"), false, 0);
        }

        using var message = Message(from, recipient, delivery);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(channel.Value.Timeout);
        var started = Stopwatch.GetTimestamp();
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(options.Host, options.Port, Security(options), timeout.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await client.AuthenticateAsync(options.Username, options.Password ?? string.Empty, timeout.Token).ConfigureAwait(false);
            }

            await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
            var latency = ChannelHttpClient.ElapsedMs(started);
            await client.DisconnectAsync(true, timeout.Token).ConfigureAwait(false);
            return ChannelResult.Sent((int)SmtpStatusCode.Ok, latency);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChannelResult.Failed(null, channel.Value.TimeoutText(), true, ChannelHttpClient.ElapsedMs(started));
        }
        catch (SmtpCommandException exception)
        {
            var code = (int)exception.StatusCode;
            return ChannelResult.Failed(code, Clean($"SMTP {code}: {exception.Message}"), code is >= 400 and < 500, ChannelHttpClient.ElapsedMs(started));
        }
        catch (Exception exception) when (exception is AuthenticationException or SslHandshakeException or NotSupportedException)
        {
            return ChannelResult.Failed(null, Clean(exception.Message), false, ChannelHttpClient.ElapsedMs(started));
        }
        catch (Exception exception) when (exception is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException)
        {
            return ChannelResult.Failed(null, Clean(exception.Message), true, ChannelHttpClient.ElapsedMs(started));
        }
    }

    /// <summary>TLS required on connect for 465 and by STARTTLS elsewhere when <see cref="SmtpOptions.UseTls"/>; none otherwise.</summary>
    public static SecureSocketOptions Security(SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UseTls)
        {
            return SecureSocketOptions.None;
        }

        return options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
    }

    /// <summary>One mailbox with an address of the form local@domain; lists, groups and bare names are refused.</summary>
    public static bool TryParseRecipient(string? destination, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MailboxAddress? recipient)
    {
        recipient = null;
        if (string.IsNullOrWhiteSpace(destination) || !MailboxAddress.TryParse(destination.Trim(), out var parsed))
        {
            return false;
        }

        var at = parsed.Address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == parsed.Address.Length - 1)
        {
            return false;
        }

        recipient = parsed;
        return true;
    }

    private static MimeMessage Message(MailboxAddress from, MailboxAddress recipient, AlertDelivery delivery)
    {
        var email = AlertEmail.From(delivery.Event);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(recipient);
        message.Subject = email.Subject;
        message.Date = delivery.Event.OccurredAt;
        message.Headers.Add(IdempotencyHeader, delivery.IdempotencyKey);
        message.Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody();
        return message;
    }

    private static string Clean(string text) => StoredText.Clean(text, StoredText.MessageMaxLength);
}
