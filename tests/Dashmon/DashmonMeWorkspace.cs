namespace OrleansMonitor.Tests.Dashmon;

/// <summary>The workspace the caller of GET /api/me acts in, and its role there.</summary>
public sealed record DashmonMeWorkspace(string Id, string OwnerUserId, string Role);
