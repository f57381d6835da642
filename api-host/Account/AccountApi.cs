using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Account.Responses;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Account;

/// <summary>
/// The caller's account: preferences and time zone, sessions, legacy token status, the integration posture and the
/// support summary of the active workspace.
/// </summary>
public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");

        var members = api.MapGroup("").RequireCaller(CallerRequirement.Read);
        members.MapGet("/user/preferences", PreferencesAsync);
        members.MapGet("/support/summary", SummaryAsync);

        var sessions = api.MapGroup("/user").RequireCaller(CallerRequirement.Session);
        sessions.MapPut("/preferences/timezone", SetTimeZoneAsync).RequirePremium();
        sessions.MapGet("/sessions", SessionsAsync);
        sessions.MapDelete("/sessions/{id}", RevokeSessionAsync);
        sessions.MapGet("/api-token", LegacyToken);

        var admins = api.MapGroup("/user").RequireCaller(CallerRequirement.Manage);
        admins.MapGet("/integration-posture", PostureAsync);
        return api;
    }

    private static IAccountsGrain Accounts(IClusterClient cluster) => cluster.GetGrain<IAccountsGrain>(0);

    private static async Task<Ok<PreferencesResponse>> PreferencesAsync(ApiCaller caller, IClusterClient cluster) =>
        TypedResults.Ok(await PreferencesOfAsync(caller, cluster));

    private static async Task<Results<Ok<PreferencesResponse>, ApiErrorResult>> SetTimeZoneAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var zone = new JsonFields(root).String("timezone", 64);
        if (zone is null || await Accounts(cluster).SetTimeZoneAsync(caller.UserId, zone) is not { } stored)
        {
            return ApiProblem.Invalid(new Dictionary<string, string> { ["timezone"] = "timezone must be an IANA zone name such as Europe/Paris or UTC" }, "Invalid preference");
        }

        return TypedResults.Ok(new PreferencesResponse(new UserPreferences(stored)));
    }

    private static async Task<PreferencesResponse> PreferencesOfAsync(ApiCaller caller, IClusterClient cluster) =>
        new(new UserPreferences(await Accounts(cluster).TimeZoneOfAsync(caller.UserId)));

    private static async Task<Ok<SessionListResponse>> SessionsAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        var sessions = await Accounts(cluster).ListSessionsAsync(caller.UserId, SessionCookie.Read(request));
        return TypedResults.Ok(new SessionListResponse(sessions.Select(SessionSummary.Of).ToArray()));
    }

    private static async Task<Results<Ok<SuccessResponse>, ApiErrorResult>> RevokeSessionAsync(string id, ApiCaller caller, IClusterClient cluster, PrincipalResolver resolver)
    {
        if (!Guid.TryParse(id, out var sessionId) || await Accounts(cluster).RevokeSessionAsync(caller.UserId, sessionId) is not { } digest)
        {
            return ApiProblem.NotFound("Session");
        }

        resolver.ForgetSessionDigest(digest);
        return TypedResults.Ok(new SuccessResponse());
    }

    /// <summary>This install has no single legacy token: labeled tokens replace it. The route says so plainly.</summary>
    private static Ok<LegacyTokenResponse> LegacyToken(ApiCaller caller) => TypedResults.Ok(new LegacyTokenResponse(
        new LegacyTokenStatus(Exists: false, Supported: false),
        "/api/user/api-tokens",
        caller.Access?.IsPremium == true));

    private static async Task<Ok<IntegrationPostureResponse>> PostureAsync(ApiCaller caller, IClusterClient cluster)
    {
        var tokens = await Accounts(cluster).TokenPostureAsync(caller.UserId);
        var posture = new TokenPosture(tokens.Total, tokens.ReadOnly, tokens.ReadWrite, tokens.ExpiringWithin7Days, tokens.NeverUsed, tokens.WithoutExpiry);
        var alerts = await cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId).AlertPostureAsync(caller.Member);
        return TypedResults.Ok(new IntegrationPostureResponse(
            posture,
            new AlertRoutingPosture(alerts.Projects, alerts.RoutedProjects, alerts.EmailRuleEnabled, alerts.SmsRuleEnabled),
            [.. alerts.Deliveries.Recent.Select(DeliveryView.Of)],
            DeliveryCountsView.Of(alerts.Deliveries.Last24Hours),
            BearerTokensActive: caller.Access?.IsPremium == true));
    }

    private static async Task<Ok<SupportSummaryResponse>> SummaryAsync(ApiCaller caller, IClusterClient cluster) =>
        TypedResults.Ok(SupportSummaryResponse.Of(await cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId).SupportSummaryAsync(caller.Member)));
}
