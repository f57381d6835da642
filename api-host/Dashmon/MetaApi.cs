using OrleansMonitor.ApiHost.Diagnostics;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>GET /api/meta/capabilities (public) and GET /api/me.</summary>
public static class MetaApi
{
    public const string ApiVersion = "2026-04-05";

    public static IEndpointRouteBuilder MapMetaApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/meta/capabilities", Capabilities);
        routes.MapGet("/api/me", Me).RequireCaller(CallerRequirement.Read);
        return routes;
    }

    private static IResult Capabilities() => Results.Json(new
    {
        success = true,
        apiVersion = ApiVersion,
        tracing = new { requestIdHeader = RequestIdMiddleware.HeaderName, echoesValidIncomingId = true },
        authModes = new[] { "session_cookie", "bearer_token", "bare_token" },
        sessionCookie = SessionCookie.Name,
        tokenPolicy = new
        {
            storage = "sha256",
            shownOnce = true,
            accessLevels = new[] { "read_only", "read_write" },
            expiresInDays = new { min = 1, max = 3650, optional = true },
        },
        deviceTypes = DeviceJson.TypeNames,
        dialects = new[] { "dashmon", "lunalytics" },
    });

    private static IResult Me(HttpContext http)
    {
        var caller = CallerFilter.CallerOf(http);
        var access = CallerFilter.AccessOf(http)!;
        return Results.Json(new
        {
            success = true,
            user = new { id = caller.UserId, email = caller.Email, name = caller.Name },
            workspace = new { id = caller.WorkspaceId, ownerUserId = caller.WorkspaceId, role = access.Role.ToString().ToLowerInvariant(), projectScope = access.ProjectScope },
            auth = new
            {
                mode = caller.AccessLevel == AccessLevel.Session ? "session" : "token",
                accessLevel = caller.AccessLevel switch { AccessLevel.ReadOnly => "read_only", AccessLevel.ReadWrite => "read_write", _ => "full" },
            },
            plan = access.Plan,
            writeLocked = access.WriteLocked,
        });
    }
}
