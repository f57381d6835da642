using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /hooks/:token</c>, all optional (an empty body is an alert without text).</summary>
public sealed record InboundAlertRequest
{
    [Description("One-line summary; cut at 200 characters. Default: \"Alert from {webhook name}\".")]
    public string? Title { get; init; }

    [Description("Details; cut at 2000 characters.")]
    public string? Message { get; init; }

    [Description("Shown before the title (\"[critical] …\"); cut at 32 characters.")]
    public string? Severity { get; init; }
}
