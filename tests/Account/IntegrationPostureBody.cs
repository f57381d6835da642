using OrleansMonitor.Tests.Dashmon;

namespace OrleansMonitor.Tests.Account;

/// <summary>What GET /api/user/integration-posture answers.</summary>
public sealed record IntegrationPostureBody(
    TokenPosture Tokens, AlertRoutingCoverage Routing, IReadOnlyList<DashmonDelivery> RecentDeliveries, RecentDeliveryCounts DeliveriesLast24Hours);
