namespace OrleansMonitor.Tests.Identity;

/// <summary>One API token as the token list describes it.</summary>
public sealed record ApiTokenEntry(string Id, string Label, string AccessLevel, string Prefix, string CreatedAt, string? ExpiresAt = null, string? LastUsedAt = null);
