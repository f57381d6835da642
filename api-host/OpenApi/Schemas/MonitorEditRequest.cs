namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/monitor/edit</c>: the monitor's id and the fields to change (the others keep their value).</summary>
public sealed record MonitorEditRequest : MonitorRequest
{
    public required Guid MonitorId { get; init; }
}
