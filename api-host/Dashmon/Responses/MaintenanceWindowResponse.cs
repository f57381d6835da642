namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A maintenance window as set: failures inside it open no incident.</summary>
public sealed record MaintenanceWindowResponse(DateTimeOffset Start, DateTimeOffset End, string? Reason)
{
    public static MaintenanceWindowResponse? Of(MaintenanceWindow? window) =>
        window is null ? null : new(window.Start, window.End, window.Reason);
}
