using System.ComponentModel;

namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>The workspace's plan, limits and usage.</summary>
public sealed record SupportPlanStatus(
    [property: Description("free or premium.")] string Name,
    [property: Description("The workspace is above its plan's limits: reads work, changes are locked.")] bool WriteLocked,
    SupportPlanLimits Limits,
    SupportPlanUsage Usage);
