namespace OrleansMonitor.ApiHost.Lunalytics;

/// <summary>
/// The Lunalytics names of the engine's monitor fields, for the errors of /api/monitor routes. A Lunalytics client
/// sees a dns monitor's queried name as its <c>url</c> and a heartbeat monitor's beat interval as its <c>interval</c>.
/// </summary>
public static class LunalyticsFields
{
    public static FieldNameMap Map { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [MonitorField.DnsName] = "url",
        [MonitorField.HeartbeatInterval] = "interval",
    });
}
