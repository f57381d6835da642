using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/user/account-context</c>: switches the session's active workspace.</summary>
public sealed record AccountContextRequest
{
    [Description("The workspace owner's user id (a workspace's id is its owner's id).")]
    public required Guid OwnerUserId { get; init; }
}
