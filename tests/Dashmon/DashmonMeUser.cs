namespace OrleansMonitor.Tests.Dashmon;

/// <summary>The caller of GET /api/me.</summary>
public sealed record DashmonMeUser(string Id, string Email, string? Name = null);
