using System.ComponentModel;

namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>One of the caller's sessions (never its secret).</summary>
public sealed record SessionSummary(
    Guid Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    [property: Description("The session's active workspace.")] Guid WorkspaceId,
    [property: Description("True for the session this request came with.")] bool Current)
{
    public static SessionSummary Of(SessionInfo session) =>
        new(session.Id, session.CreatedAt, session.ExpiresAt, session.WorkspaceId, session.IsCurrent);
}
