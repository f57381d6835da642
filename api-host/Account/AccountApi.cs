using System.Text.Json.Nodes;
using OrleansMonitor.ApiHost.Dashmon;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Account;

/// <summary>
/// The caller's account: preferences and time zone, sessions, legacy token status, the integration posture and the
/// support summary of the active workspace.
/// </summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/user/preferences", PreferencesAsync).RequireCaller(CallerRequirement.Read);
        routes.MapPut("/api/user/preferences/timezone", SetTimeZoneAsync).RequireCaller(CallerRequirement.Session).RequirePremium();
        routes.MapGet("/api/user/sessions", SessionsAsync).RequireCaller(CallerRequirement.Session);
        routes.MapDelete("/api/user/sessions/{id}", RevokeSessionAsync).RequireCaller(CallerRequirement.Session);
        routes.MapGet("/api/user/api-token", LegacyToken).RequireCaller(CallerRequirement.Session);
        routes.MapGet("/api/user/integration-posture", PostureAsync).RequireCaller(CallerRequirement.Manage);
        routes.MapGet("/api/support/summary", SummaryAsync).RequireCaller(CallerRequirement.Read);
        return routes;
    }

    private static IAccountsGrain Accounts(IClusterClient cluster) => cluster.GetGrain<IAccountsGrain>(0);

    private static async Task<IResult> PreferencesAsync(HttpContext http, IClusterClient cluster)
    {
        var caller = CallerFilter.CallerOf(http);
        return Results.Json(new { success = true, preferences = new { timezone = await Accounts(cluster).TimeZoneOfAsync(caller.UserId) } });
    }

    private static async Task<IResult> SetTimeZoneAsync(HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var zone = new JsonFields(root).String("timezone", 64);
        var caller = CallerFilter.CallerOf(http);
        if (zone is null || !await Accounts(cluster).SetTimeZoneAsync(caller.UserId, zone))
        {
            return ApiProblem.Invalid(new Dictionary<string, string> { ["timezone"] = "timezone must be an IANA zone name such as Europe/Paris or UTC" }, "Invalid preference");
        }

        return Results.Json(new { success = true, preferences = new { timezone = await Accounts(cluster).TimeZoneOfAsync(caller.UserId) } });
    }

    private static async Task<IResult> SessionsAsync(HttpContext http, IClusterClient cluster)
    {
        var caller = CallerFilter.CallerOf(http);
        var sessions = await Accounts(cluster).ListSessionsAsync(caller.UserId, SessionCookie.Read(http.Request));
        return Results.Json(new
        {
            success = true,
            sessions = sessions.Select(s => new { id = s.Id, createdAt = DeviceJson.Iso(s.CreatedAt), expiresAt = DeviceJson.Iso(s.ExpiresAt), workspaceId = s.WorkspaceId, current = s.IsCurrent }),
        });
    }

    private static async Task<IResult> RevokeSessionAsync(string id, HttpContext http, IClusterClient cluster, PrincipalResolver resolver)
    {
        var caller = CallerFilter.CallerOf(http);
        if (!Guid.TryParse(id, out var sessionId) || await Accounts(cluster).RevokeSessionAsync(caller.UserId, sessionId) is not { } digest)
        {
            return ApiProblem.NotFound("Session");
        }

        resolver.ForgetSessionDigest(digest);
        return Results.Json(new { success = true });
    }

    /// <summary>This install has no single legacy token: labeled tokens replace it. The route says so plainly.</summary>
    private static IResult LegacyToken(HttpContext http) => Results.Json(new
    {
        success = true,
        legacyToken = new { exists = false, supported = false },
        use = "/api/user/api-tokens",
        bearerTokens = CallerFilter.AccessOf(http)?.IsPremium == true,
    });

    private static async Task<IResult> PostureAsync(HttpContext http, IClusterClient cluster, TimeProvider time)
    {
        var caller = CallerFilter.CallerOf(http);
        var tokens = await Accounts(cluster).ListApiTokensAsync(caller.UserId);
        var now = time.GetUtcNow();
        return Results.Json(new
        {
            success = true,
            tokens = new
            {
                total = tokens.Count,
                readOnly = tokens.Count(t => t.AccessLevel == AccessLevel.ReadOnly),
                readWrite = tokens.Count(t => t.AccessLevel == AccessLevel.ReadWrite),
                expiringWithin7Days = tokens.Count(t => t.ExpiresAt is { } e && e - now <= TimeSpan.FromDays(7)),
                neverUsed = tokens.Count(t => t.LastUsedAt is null),
                withoutExpiry = tokens.Count(t => t.ExpiresAt is null),
            },
            routing = new { configuredProjects = 0, note = "alert routing is not configured in this version" },
            recentDeliveries = Array.Empty<object>(),
            bearerTokensActive = CallerFilter.AccessOf(http)?.IsPremium == true,
        });
    }

    private static async Task<IResult> SummaryAsync(ApiCaller caller, IClusterClient cluster)
    {
        var summary = await cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId).SupportSummaryAsync(caller.Member);
        var plan = summary.Plan;
        return Results.Json(new JsonObject
        {
            ["success"] = true,
            ["generatedAt"] = DeviceJson.Iso(summary.GeneratedAt),
            ["projects"] = summary.Projects,
            ["devices"] = new JsonObject
            {
                ["total"] = summary.Devices.Total,
                ["up"] = summary.Devices.Up,
                ["down"] = summary.Devices.Down,
                ["pending"] = summary.Devices.Pending,
                ["maintenance"] = summary.Devices.Maintenance,
            },
            ["openIncidents"] = summary.OpenIncidents,
            ["recentDeliveries"] = new JsonArray(),
            ["plan"] = new JsonObject
            {
                ["name"] = plan.Plan,
                ["writeLocked"] = plan.WriteLocked,
                ["limits"] = new JsonObject { ["projects"] = plan.ProjectLimit, ["devices"] = plan.DeviceLimit, ["tokens"] = plan.TokenLimit, ["minIntervalSeconds"] = plan.MinIntervalSeconds },
                ["usage"] = new JsonObject { ["projects"] = plan.Projects, ["devices"] = plan.Devices },
            },
        });
    }
}
