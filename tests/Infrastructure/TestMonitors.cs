using OrleansMonitor.GrainInterfaces.Monitors;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>The monitor configurations tests start from; a test changes what it is about with <c>with</c>.</summary>
public static class TestMonitors
{
    /// <summary>A GET of <paramref name="url"/> every 20 s (scaled in the test clusters), 5 s timeout.</summary>
    public static MonitorConfig Http(string name, string url) => new()
    {
        Name = name,
        Type = MonitorType.Http,
        Url = url,
        Method = "GET",
        Interval = 20,
        RetryInterval = 20,
        RequestTimeout = 5,
    };
}
