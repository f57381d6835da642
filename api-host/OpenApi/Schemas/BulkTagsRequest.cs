namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/devices/tags/bulk</c>.</summary>
public sealed record BulkTagsRequest
{
    public required TagAction Action { get; init; }

    public required IReadOnlyList<Guid> DeviceIds { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }
}
