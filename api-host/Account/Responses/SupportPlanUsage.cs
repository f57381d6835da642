namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>What the whole workspace uses of its plan.</summary>
public sealed record SupportPlanUsage(int Projects, int Devices);
