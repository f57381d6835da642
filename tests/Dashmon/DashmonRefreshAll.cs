namespace OrleansMonitor.Tests.Dashmon;

/// <summary>What POST /api/devices/refresh-all answers: how many devices were queued for a check.</summary>
public sealed record DashmonRefreshAll(int Queued);
