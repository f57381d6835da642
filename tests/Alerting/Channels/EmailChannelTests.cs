using Microsoft.Extensions.Options;
using MimeKit;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting.Channels;

/// <summary>Alert emails sent through MailKit to a real SMTP server on loopback.</summary>
public sealed class EmailChannelTests
{
    [Fact]
    public async Task PlainTextAndEscapedHtmlArriveAsAlternatives()
    {
        await using var server = LocalSmtpServer.Start();
        var alert = Alerts.Opened(monitorName: "<script>alert(1)</script>", cause: "Expected \"ok\" & got <nothing>");
        var delivery = Alerts.Delivery(ChannelKind.Email, "oncall@example.com", alert);

        var result = await Channel(server).SendAsync(delivery, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(250, result.StatusCode);
        var mail = Assert.Single(await server.WaitForAsync(1));
        Assert.Null(mail.User);
        var message = mail.Message;
        Assert.Equal("api.example.com is down", message.Subject);
        Assert.Equal("alerts@example.com", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("oncall@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(delivery.IdempotencyKey, message.Headers[EmailChannel.IdempotencyHeader]);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(part => part.ContentType.MimeType));

        Assert.Contains("Monitor: <script>alert(1)</script>", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Cause: Expected \"ok\" & got <nothing>", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dashboard: https://monitor.example.com/monitors/1", message.TextBody, StringComparison.Ordinal);

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Expected &quot;ok&quot; &amp; got &lt;nothing&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://monitor.example.com/ack/abc\">Acknowledge</a>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticatesWhenAUsernameIsSet()
    {
        await using var server = LocalSmtpServer.Start("alerts", "s3cret");

        var result = await Channel(server, "alerts", "s3cret").SendAsync(Alerts.Delivery(ChannelKind.Email, "oncall@example.com"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("alerts", Assert.Single(await server.WaitForAsync(1)).User);
    }

    [Fact]
    public async Task ARefusedLoginIsNotRetried()
    {
        await using var server = LocalSmtpServer.Start("alerts", "s3cret");

        var result = await Channel(server, "alerts", "wrong").SendAsync(Alerts.Delivery(ChannelKind.Email, "oncall@example.com"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable, result.Error);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("a@example.com, b@example.com")]
    [InlineData("")]
    public async Task AnInvalidAddressIsNotRetriedAndNothingIsSent(string destination)
    {
        await using var server = LocalSmtpServer.Start();

        var result = await Channel(server).SendAsync(Alerts.Delivery(ChannelKind.Email, destination), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.StartsWith("Invalid email address", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task AServerThatIsNotThereIsRetryable()
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = FreePort.Next(), UseTls = false, From = "alerts@example.com" };
        var channel = new EmailChannel(Options.Create(options), Options.Create(new ChannelOptions()));

        var result = await channel.SendAsync(Alerts.Delivery(ChannelKind.Email, "oncall@example.com"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable, result.Error);
    }

    [Theory]
    [InlineData(true, 465, "SslOnConnect")]
    [InlineData(true, 587, "StartTls")]
    [InlineData(false, 25, "None")]
    public void TlsIsRequiredWhenAskedFor(bool useTls, int port, string expected) =>
        Assert.Equal(expected, EmailChannel.Security(new SmtpOptions { UseTls = useTls, Port = port }).ToString());

    private static EmailChannel Channel(LocalSmtpServer server, string? username = null, string? password = null) => new(
        Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            UseTls = false,
            Username = username,
            Password = password,
            From = "OrleansMonitor <alerts@example.com>",
        }),
        Options.Create(new ChannelOptions()));
}
