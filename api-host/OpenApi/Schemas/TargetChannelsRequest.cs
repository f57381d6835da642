using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>The targets of <see cref="WebhookRequest"/>: each notification type needs its own.</summary>
public sealed record TargetChannelsRequest
{
    [Description("The address EMAIL alerts go to (required with EMAIL).")]
    public string? Email { get; init; }

    [Description("An E.164 number (+ and 7 to 15 digits) for SMS (required with SMS).")]
    public string? Sms { get; init; }

    [Description("An E.164 number for CALL; the sms number when left out.")]
    public string? Call { get; init; }
}
