namespace OrleansMonitor.ApiHost.Team.Responses;

/// <summary>The session's active workspace, named by its owner (a workspace's id is its owner's user id).</summary>
public sealed record ActiveWorkspace(Guid OwnerUserId, bool IsOwn);
