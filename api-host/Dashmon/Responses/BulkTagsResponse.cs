using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>POST /api/devices/tags/bulk</c>.</summary>
public sealed record BulkTagsResponse(
    [property: Description("Devices whose tags were changed.")] int Updated,
    [property: Description("Ids asked for that are not in the workspace (nothing changed for them).")] IReadOnlyList<Guid> NotFound) : SuccessResponse;
