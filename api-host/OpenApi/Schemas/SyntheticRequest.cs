namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>PUT /api/devices/:id/synthetic</c>: the whole assertion list, replacing the current one.</summary>
public sealed record SyntheticRequest
{
    public required IReadOnlyList<SyntheticAssertion> Assertions { get; init; }
}
