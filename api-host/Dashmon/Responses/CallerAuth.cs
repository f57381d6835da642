namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>The caller's credential.</summary>
public sealed record CallerAuth(CallerAuthMode Mode, CallerAccessLevel AccessLevel);
