using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/status-pages/:id/updates</c>.</summary>
public sealed record StatusUpdateRequest
{
    public required GrainInterfaces.StatusPages.UpdateState State { get; init; }

    [Description("1 to 2000 characters; line breaks kept, other control characters dropped.")]
    public required string Message { get; init; }

    [Description("At most 100 devices of the page's projects (others: 422); none for the page as a whole.")]
    public IReadOnlyList<Guid>? DeviceIds { get; init; }
}
