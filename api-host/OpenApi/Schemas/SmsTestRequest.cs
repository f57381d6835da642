using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/alerts/sms/test</c> (optional).</summary>
public sealed record SmsTestRequest
{
    [Description("The E.164 number to text; every recipient of the SMS rule when left out.")]
    public string? To { get; init; }
}
