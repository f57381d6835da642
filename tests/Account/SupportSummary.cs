using OrleansMonitor.Tests.Dashmon;

namespace OrleansMonitor.Tests.Account;

/// <summary>What GET /api/support/summary answers.</summary>
public sealed record SupportSummary(
    SupportDevices Devices, int OpenIncidents, SupportPlan Plan, IReadOnlyList<DashmonDelivery> RecentDeliveries, RecentDeliveryCounts DeliveriesLast24Hours);
