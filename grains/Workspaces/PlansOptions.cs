namespace OrleansMonitor.Grains.Workspaces;

/// <summary>Plans and their limits (section <c>Plans</c>). A self-hosted install defaults new workspaces to premium.</summary>
public sealed class PlansOptions
{
    public const string Free = "free";
    public const string Premium = "premium";

    public string DefaultPlan { get; set; } = Premium;

    public PlanLimits FreeLimits { get; set; } = new() { Projects = 3, Devices = 20, StatusPages = 1, MinIntervalSeconds = 300, Tokens = 0 };

    public PlanLimits PremiumLimits { get; set; } = new() { Projects = 500, Devices = 50_000, StatusPages = 100, MinIntervalSeconds = 20, Tokens = 100 };

    public PlanLimits LimitsOf(string plan) => plan == Free ? FreeLimits : PremiumLimits;
}
