namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>The visible devices by status.</summary>
public sealed record SupportDeviceCounts(int Total, int Up, int Down, int Pending, int Maintenance);
