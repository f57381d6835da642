namespace OrleansMonitor.GrainInterfaces.Identity;

/// <summary>Who is calling, resolved from a session cookie or an API token.</summary>
/// <param name="CredentialExpiresAt">When the session or token stops working; null for tokens without expiry.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.Principal")]
public sealed record Principal(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string Name,
    [property: Id(3)] Guid WorkspaceId,
    [property: Id(4)] AccessLevel AccessLevel,
    [property: Id(5)] DateTimeOffset? CredentialExpiresAt,
    [property: Id(6)] Guid? TokenId)
{
    public bool CanWrite => AccessLevel != AccessLevel.ReadOnly;
}
