namespace OrleansMonitor.Tests.Dashmon;

/// <summary>What GET /api/reports/uptime answers: periods per device and per project.</summary>
public sealed record DashmonUptimeReport(IReadOnlyList<DashmonDeviceUptime> Devices, IReadOnlyList<DashmonProjectUptime> Projects, string? Timezone = null);
