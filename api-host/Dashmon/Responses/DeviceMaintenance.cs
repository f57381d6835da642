namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A device's maintenance window: no alerts from <c>start</c> until <c>end</c>.</summary>
public sealed record DeviceMaintenance(DateTimeOffset Start, DateTimeOffset End, string? Reason)
{
    public static DeviceMaintenance? Of(MaintenanceWindow? window) =>
        window is null ? null : new DeviceMaintenance(window.Start, window.End, window.Reason);
}
