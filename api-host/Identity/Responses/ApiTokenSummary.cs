using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Identity.Responses;

/// <summary>An API token as listed (never the secret: only its SHA-256 is stored).</summary>
public sealed record ApiTokenSummary(
    Guid Id,
    string Label,
    TokenAccessLevel AccessLevel,
    string Prefix,
    [property: JsonConverter(typeof(RoundTripTimestampConverter))] DateTimeOffset CreatedAt,
    [property: JsonConverter(typeof(RoundTripTimestampConverter))] DateTimeOffset? ExpiresAt,
    [property: JsonConverter(typeof(RoundTripTimestampConverter))] DateTimeOffset? LastUsedAt)
{
    public static ApiTokenSummary Of(ApiTokenInfo token) => new(
        token.Id,
        token.Label,
        token.AccessLevel == GrainInterfaces.Identity.AccessLevel.ReadOnly ? TokenAccessLevel.ReadOnly : TokenAccessLevel.ReadWrite,
        token.Prefix,
        token.CreatedAt,
        token.ExpiresAt,
        token.LastUsedAt);
}
