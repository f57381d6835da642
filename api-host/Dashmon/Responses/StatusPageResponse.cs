using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of the status page changes: the page, and the private page's token when the change issued one.</summary>
public sealed record StatusPageResponse(
    StatusPageView StatusPage,
    [property: Description("The private page's new access token, shown only in this answer (only its SHA-256 is kept); null when none was issued.")] string? Token) : SuccessResponse;
