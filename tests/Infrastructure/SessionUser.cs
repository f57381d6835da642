namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>The user of a <see cref="SessionBody"/>.</summary>
public sealed record SessionUser(string Id, string Email, string? Name = null);
