namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/maintenance/devices/bulk-clear</c>.</summary>
public sealed record DeviceIdsRequest
{
    public required IReadOnlyList<Guid> DeviceIds { get; init; }
}
