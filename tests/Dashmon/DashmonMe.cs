namespace OrleansMonitor.Tests.Dashmon;

/// <summary>What GET /api/me tells the caller about itself and the workspace it acts in.</summary>
public sealed record DashmonMe(DashmonMeUser User, DashmonMeWorkspace Workspace, string Plan, bool WriteLocked);
