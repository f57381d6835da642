namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>The answer of a change that returns nothing else: <c>{"success": true}</c>.</summary>
public sealed record SuccessResponse
{
    public required bool Success { get; init; }
}
