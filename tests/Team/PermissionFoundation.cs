namespace OrleansMonitor.Tests.Team;

/// <summary>What GET /api/user/permission-foundation answers: the caller's role where it acts and what that role may do.</summary>
public sealed record PermissionFoundation(IReadOnlyList<string> Permissions, string? Role = null);
