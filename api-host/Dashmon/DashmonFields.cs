namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>The Dashmon names of the engine's monitor fields, for the errors of device routes.</summary>
public static class DashmonFields
{
    public static FieldNameMap Map { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [MonitorField.ValidStatusCodes] = "expectedStatus",
        [MonitorField.RequestTimeout] = "timeout",
    });
}
