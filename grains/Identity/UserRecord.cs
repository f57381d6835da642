namespace OrleansMonitor.Grains.Identity;

/// <summary>One row of om_users.</summary>
public sealed record UserRecord(Guid Id, string Email, string Name, string PasswordHash, Guid WorkspaceId);
