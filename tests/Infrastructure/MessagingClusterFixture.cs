using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// A cluster whose silo sends email to a real SMTP server on loopback and SMS and calls to a Twilio-like gateway on
/// loopback (through the production <c>Smtp</c> and <c>Alerting:Telephony</c> options), and an API host over it with a
/// low inbound rate limit. The gateway takes every number but <see cref="FailingNumber"/>, which it refuses (400), so
/// a test can make one channel of a call fail for good. PagerDuty events go to the same gateway (<see cref="PagerDutyPath"/>),
/// and alerts carry acknowledge links under <see cref="PublicUrl"/>. Shared by the tests of alerts that go out by email, SMS and voice
/// (the Monoduty webhooks, the workspace alert rules).
/// </summary>
public sealed class MessagingClusterFixture : IAsyncLifetime
{
    public const string FailingNumber = "+15550000400";

    /// <summary>Where the gateway takes PagerDuty events (the silo's <c>Alerting:PagerDuty:EventsUrl</c>).</summary>
    public const string PagerDutyPath = "/pagerduty/enqueue";

    /// <summary>The silo's <c>Alerting:PublicUrl</c>: alerts carry acknowledge links under it.</summary>
    public const string PublicUrl = "https://monitor.example.test";

    /// <summary>Inbound posts per token per minute in this fixture's API host.</summary>
    public const int InboundPermits = 5;

    public LocalSmtpServer Smtp { get; } = LocalSmtpServer.Start();

    public LocalHttpTarget Gateway { get; private set; } = null!;

    public MonitoringCluster Monitoring { get; private set; } = null!;

    public ApiFactory Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        LocalHttpTarget? gateway = null;
        Gateway = gateway = await LocalHttpTarget.StartAsync(routes: routes =>
        {
            // The target has read (and recorded) the body before a route runs: the form is found by the request's key.
            routes.MapPost("/2010-04-01/Accounts/{sid}/{resource}", (HttpRequest request) =>
            {
                var key = request.Headers["Idempotency-Key"].ToString();
                var recorded = gateway!.Received.LastOrDefault(r => r.Headers.GetValueOrDefault("Idempotency-Key") == key);
                return recorded is not null && System.Web.HttpUtility.ParseQueryString(recorded.Body)["To"] == FailingNumber
                    ? Results.Json(new { code = 21211, message = "Invalid 'To' Phone Number" }, statusCode: 400)
                    : Results.Json(new { sid = "SM1", status = "queued" }, statusCode: 201);
            });
        });
        Monitoring = new MonitoringCluster(settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:UseTls"] = "false",
            ["Smtp:From"] = "alerts@monitor.test",
            ["Alerting:Telephony:BaseUrl"] = Gateway.BaseUrl,
            ["Alerting:Telephony:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Alerting:Telephony:AuthToken"] = "token-42",
            ["Alerting:Telephony:From"] = "+15550100",
            ["Alerting:Delivery:PollInterval"] = "00:00:00.200",
            ["Alerting:PagerDuty:EventsUrl"] = Gateway.UrlOf(PagerDutyPath),
            ["Alerting:PublicUrl"] = PublicUrl,
        });
        await Monitoring.InitializeAsync();
        Api = new ApiFactory(Monitoring.Client, new Dictionary<string, string?>
        {
            ["Monoduty:InboundPermitsPerToken"] = InboundPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _ = Api.Server;
    }

    /// <summary>A new user with a session, in a workspace of their own.</summary>
    public Task<ApiUser> NewUserAsync() => ApiUser.RegisterAsync(Api);

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Monitoring.DisposeAsync();
        await Gateway.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
