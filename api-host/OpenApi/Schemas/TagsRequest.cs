using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>PUT /api/devices/:id/tags</c>: the device's whole tag list.</summary>
public sealed record TagsRequest
{
    [Description("At most 50 tags.")]
    public required IReadOnlyList<string> Tags { get; init; }
}
