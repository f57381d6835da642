namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>An invitation as listed (never its token).</summary>
/// <param name="Status">pending, accepted, cancelled or expired.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.InvitationInfo")]
public sealed record InvitationInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Email,
    [property: Id(2)] WorkspaceRole Role,
    [property: Id(3)] IReadOnlyList<Guid>? ProjectScope,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] string Status);
