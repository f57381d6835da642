namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>An API token as listed (never the secret: only its SHA-256 is stored).</summary>
public sealed record ApiTokenInfo
{
    public required Guid Id { get; init; }

    public required string Label { get; init; }

    public required TokenAccessLevel AccessLevel { get; init; }

    public required string Prefix { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }
}
