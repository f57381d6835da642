using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Diagnostics;
using OrleansMonitor.ApiHost.Identity;
using OrleansMonitor.ApiHost.Identity.Responses;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>GET /api/meta/capabilities (public) and GET /api/me.</summary>
public static class MetaApi
{
    public const string ApiVersion = "2026-04-05";

    private static readonly CapabilitiesResponse Capabilities = new(
        ApiVersion,
        new RequestTracing(RequestIdMiddleware.HeaderName, EchoesValidIncomingId: true),
        AuthModes: ["session_cookie", "bearer_token", "bare_token"],
        SessionCookie.Name,
        new TokenPolicy("sha256", ShownOnce: true, Enum.GetValues<TokenAccessLevel>(), new TokenExpiryBounds(Min: 1, Max: 3650, Optional: true)),
        Enum.GetValues<MonitorType>(),
        Dialects: ["dashmon", "lunalytics"]);

    public static RouteGroupBuilder MapMetaApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapGet("/meta/capabilities", GetCapabilities);

        var members = api.MapGroup("").RequireCaller(CallerRequirement.Read);
        members.MapGet("/me", Me);
        return api;
    }

    private static Ok<CapabilitiesResponse> GetCapabilities() => TypedResults.Ok(Capabilities);

    private static Ok<MeResponse> Me(ApiCaller caller)
    {
        var principal = caller.Principal;
        var access = caller.Member;
        return TypedResults.Ok(new MeResponse(
            new SessionUser(principal.UserId, principal.Email, principal.Name),
            new CallerWorkspace(caller.WorkspaceId, caller.WorkspaceId, access.Role, access.ProjectScope),
            new CallerAuth(
                principal.AccessLevel == AccessLevel.Session ? CallerAuthMode.Session : CallerAuthMode.Token,
                principal.AccessLevel switch { AccessLevel.ReadOnly => CallerAccessLevel.ReadOnly, AccessLevel.ReadWrite => CallerAccessLevel.ReadWrite, _ => CallerAccessLevel.Full }),
            access.Plan,
            access.WriteLocked));
    }
}
