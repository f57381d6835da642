namespace OrleansMonitor.Grains.Workspaces;

/// <summary>What one plan allows.</summary>
public sealed class PlanLimits
{
    public int Projects { get; set; }
    public int Devices { get; set; }
    public int StatusPages { get; set; }
    public int MinIntervalSeconds { get; set; }
    public int Tokens { get; set; }
}
