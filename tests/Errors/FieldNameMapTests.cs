using OrleansMonitor.ApiHost.Dashmon;
using OrleansMonitor.ApiHost.Lunalytics;

namespace OrleansMonitor.Tests.Errors;

/// <summary>Each dialect names the engine's neutral field ids its own way in 422 bodies.</summary>
public sealed class FieldNameMapTests
{
    private static readonly Dictionary<string, string> Errors = new()
    {
        [MonitorField.ValidStatusCodes] = "codes",
        [MonitorField.RequestTimeout] = "timeout",
        [MonitorField.DnsName] = "dns name",
        [MonitorField.HeartbeatInterval] = "beat interval",
        [MonitorField.Assertion(2)] = "assertion",
    };

    [Fact]
    public void DashmonNamesStatusCodesAndTimeoutAsItsDevicesDo() =>
        Assert.Equal(
            ["assertions[2]", "dns.name", "expectedStatus", "heartbeat.interval", "timeout"],
            DashmonFields.Map.Apply(Errors).Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void LunalyticsNamesADnsNameItsUrlAndABeatIntervalItsInterval() =>
        Assert.Equal(
            ["assertions[2]", "interval", "requestTimeout", "url", "valid_status_codes"],
            LunalyticsFields.Map.Apply(Errors).Keys.Order(StringComparer.Ordinal));
}
