using System.Text;
using System.Web;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting.Channels;

/// <summary>SMS and voice form posts against a loopback gateway answering 201 like Twilio.</summary>
public sealed class TelephonyChannelTests : IAsyncLifetime
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "token-42";
    private const string From = "+15550100";

    private readonly ChannelHttpClient _http = Alerts.Http();
    private LocalHttpTarget _gateway = null!;
    private TelephonyGateway _telephony = null!;

    public async Task InitializeAsync()
    {
        _gateway = await LocalHttpTarget.StartAsync();
        _gateway.StatusCode = 201;
        _gateway.Body = """{"sid":"SM1","status":"queued"}""";
        _gateway.ContentType = "application/json";
        var options = new TelephonyGatewayOptions { BaseUrl = _gateway.BaseUrl + "/", AccountSid = AccountSid, AuthToken = AuthToken, From = From };
        _telephony = new TelephonyGateway(_http, Options.Create(options));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task SmsIsAFormPostToMessagesWithBasicAuth()
    {
        var delivery = Alerts.Delivery(ChannelKind.Sms, "+49 151 1234-5678");

        var result = await new SmsChannel(_telephony).SendAsync(delivery, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(201, result.StatusCode);
        var request = Assert.Single(_gateway.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), request.Headers["Authorization"]);
        Assert.Equal(delivery.IdempotencyKey, request.Headers["Idempotency-Key"]);
        var form = HttpUtility.ParseQueryString(request.Body);
        Assert.Equal("+4915112345678", form["To"]);
        Assert.Equal(From, form["From"]);
        Assert.Equal("api.example.com is down: HTTP 503 Service Unavailable https://monitor.example.com/monitors/1", form["Body"]);
    }

    [Fact]
    public async Task SmsBodyIsCappedAt320Characters()
    {
        var alert = Alerts.Opened(cause: new string('x', 1000));

        await new SmsChannel(_telephony).SendAsync(Alerts.Delivery(ChannelKind.Sms, "+15550199", alert), CancellationToken.None);

        var body = HttpUtility.ParseQueryString(Assert.Single(_gateway.Received).Body)["Body"]!;
        Assert.Equal(320, body.Length);
        Assert.EndsWith("…", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VoiceIsAFormPostToCallsWithEscapedTwiml()
    {
        var alert = Alerts.Opened(cause: "Expected <ok> & got </Say><Play>http://evil</Play>");

        var result = await new VoiceChannel(_telephony).SendAsync(Alerts.Delivery(ChannelKind.Voice, "+15550199", alert), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var request = Assert.Single(_gateway.Received);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Calls.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")), request.Headers["Authorization"]);
        var form = HttpUtility.ParseQueryString(request.Body);
        Assert.Equal("+15550199", form["To"]);
        Assert.Equal(From, form["From"]);
        var twiml = XElement.Parse(form["Twiml"]!);
        Assert.Equal("Response", twiml.Name.LocalName);
        var say = Assert.Single(twiml.Elements());
        Assert.Equal("Say", say.Name.LocalName);
        Assert.Equal("OrleansMonitor alert. api.example.com is down. Expected <ok> & got </Say><Play>http://evil</Play>.", say.Value);
    }

    [Theory]
    [InlineData("5550199")]
    [InlineData("+1 555 CALL")]
    [InlineData("")]
    public async Task AnInvalidNumberIsNotRetriedAndNothingIsSent(string destination)
    {
        var result = await new SmsChannel(_telephony).SendAsync(Alerts.Delivery(ChannelKind.Sms, destination), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Equal(0, _gateway.Requests);
    }

    [Fact]
    public async Task AGatewayRefusalIsNotRetried()
    {
        _gateway.StatusCode = 401;
        _gateway.Body = """{"code":20003,"message":"Authenticate"}""";

        var result = await new VoiceChannel(_telephony).SendAsync(Alerts.Delivery(ChannelKind.Voice, "+15550199"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Equal(401, result.StatusCode);
        Assert.Equal("HTTP 401 Unauthorized: {\"code\":20003,\"message\":\"Authenticate\"}", result.Error);
    }
}
