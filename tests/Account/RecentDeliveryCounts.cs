namespace OrleansMonitor.Tests.Account;

/// <summary>The 24-hour delivery counts the posture and the support summary answer.</summary>
public sealed record RecentDeliveryCounts(long Sent, long Failed, long Pending, long Cancelled);
