namespace OrleansMonitor.Tests.Dashmon;

/// <summary>GET/PUT /api/projects/:projectId/alert-settings as a client reads it.</summary>
public sealed record DashmonAlertSettings(bool Success, string ProjectId, DashmonAlertSettingsBody Settings, string? OnCallNow);

/// <summary>The settings part of <see cref="DashmonAlertSettings"/>.</summary>
public sealed record DashmonAlertSettingsBody(
    string TimeZone,
    DashmonQuietHours? QuietHours,
    DashmonOnCall? OnCall,
    IReadOnlyList<DashmonEscalationStep> Escalation,
    int? StillDownEveryMinutes,
    DashmonFlapping Flapping);

/// <summary>Quiet hours as read back.</summary>
public sealed record DashmonQuietHours(string Start, string End, string Mode);

/// <summary>An on-call rotation as read back.</summary>
public sealed record DashmonOnCall(IReadOnlyList<string> Members, string HandoffDay, string HandoffTime, string StartsAt);

/// <summary>An escalation step as read back (secrets only as a flag).</summary>
public sealed record DashmonEscalationStep(int DelayMinutes, string Channel, string Destination, bool SecretSet, bool HighPriority);

/// <summary>The flapping rule as read back.</summary>
public sealed record DashmonFlapping(int Changes, int WindowMinutes, int StableMinutes);
