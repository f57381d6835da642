using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>The weekly on-call rotation of <see cref="AlertSettingsRequest"/>.</summary>
public sealed record OnCallRequest
{
    [Description("Member emails in rotation order (1–50).")]
    public required IReadOnlyList<string> Members { get; init; }

    [Description("Weekday name; monday when left out.")]
    public string? HandoffDay { get; init; }

    [Description("HH:mm local time; 09:00 when left out.")]
    public string? HandoffTime { get; init; }
}
