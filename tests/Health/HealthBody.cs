namespace OrleansMonitor.Tests.Health;

/// <summary>What GET /api/health says of the database.</summary>
public sealed record HealthBody(string Database);
