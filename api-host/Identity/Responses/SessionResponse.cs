using System.ComponentModel;
using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Identity.Responses;

/// <summary>Answer of register and login; the session itself travels in the HttpOnly <c>access_token</c> cookie.</summary>
public sealed record SessionResponse(
    SessionUser User,
    [property: Description("The active workspace (at first the user's personal one, whose id is the user's id).")] Guid WorkspaceId,
    [property: Description("When the session cookie expires (Identity:SessionLifetime after sign-in).")]
    [property: JsonConverter(typeof(RoundTripTimestampConverter))]
    DateTimeOffset ExpiresAt) : SuccessResponse
{
    public static SessionResponse Of(SessionGrant session) => new(
        new SessionUser(session.Principal.UserId, session.Principal.Email, session.Principal.Name),
        session.Principal.WorkspaceId,
        session.ExpiresAt);
}
