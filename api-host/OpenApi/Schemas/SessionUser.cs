namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>The signed-in user, as register, login and <c>/api/me</c> show it.</summary>
public sealed record SessionUser
{
    public required Guid Id { get; init; }

    public required string Email { get; init; }

    public required string Name { get; init; }
}
