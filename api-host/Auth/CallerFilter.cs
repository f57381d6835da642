using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Auth;

/// <summary>
/// Endpoint filter that authenticates the caller, asks the active workspace in one grain call what the caller may do
/// there (role and project scope), and enforces the route's <see cref="CallerRequirement"/>. Every denial is logged
/// with the request id. The handler's <see cref="ApiCaller"/> parameter reads the admitted caller.
/// </summary>
public sealed class CallerFilter(CallerRequirement requirement) : IEndpointFilter
{
    private const string PrincipalKey = "OrleansMonitor.Principal";
    private const string AccessKey = "OrleansMonitor.Access";

    /// <summary>What the route asks of its caller (the filter is also the route's metadata, read by the OpenAPI document).</summary>
    public CallerRequirement Requirement => requirement;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var principal = await http.RequestServices.GetRequiredService<PrincipalResolver>().ResolveAsync(http.Request);
        if (principal is null)
        {
            return ApiProblem.Unauthorized();
        }

        var isSession = principal.AccessLevel == AccessLevel.Session;
        var needsSession = requirement is CallerRequirement.Session or CallerRequirement.SessionManage;
        var changes = requirement is not (CallerRequirement.Read or CallerRequirement.Session);
        var cluster = http.RequestServices.GetRequiredService<IClusterClient>();
        var access = await cluster.GetGrain<IWorkspaceGrain>(principal.WorkspaceId).AccessOfAsync(principal.UserId);

        // In order: a token of a free workspace does not authenticate at all; then the credential's kind and level;
        // then membership, the write lock and the role.
        IResult? denial =
            !isSession && access is { IsPremium: false } ? ApiProblem.Of(StatusCodes.Status401Unauthorized, "premium_required", "Bearer tokens are a Premium feature; this workspace is on the free plan")
            : needsSession && !isSession ? ApiProblem.SessionRequired()
            : changes && !principal.CanWrite ? ApiProblem.ReadOnlyToken()
            // A browser carries the session cookie on cross-site requests too: a cookie-authenticated change must
            // come from this site (tokens are not sent by browsers on their own, so they are not at risk).
            : changes && isSession && IsCrossSite(http.Request) ? ApiProblem.ForeignOrigin()
            : (access, requirement) switch
            {
                (null, not CallerRequirement.Session) => ApiProblem.Of(StatusCodes.Status403Forbidden, "not_a_member", "You are not a member of the active workspace"),
                ({ WriteLocked: true }, CallerRequirement.Write or CallerRequirement.Manage or CallerRequirement.SessionManage) =>
                    ApiProblem.Of(StatusCodes.Status403Forbidden, "write_locked", "This workspace is above its plan's limits: reads work, changes are locked"),
                ({ CanWrite: false }, CallerRequirement.Write) => ApiProblem.ForbiddenRole("editor"),
                ({ CanManage: false }, CallerRequirement.Manage or CallerRequirement.SessionManage) => ApiProblem.ForbiddenRole("admin"),
                _ => null,
            };

        if (denial is not null)
        {
            http.RequestServices.GetRequiredService<ILogger<CallerFilter>>().LogInformation(
                "Denied {Method} {Path} to user {UserId} ({AccessLevel}, role {Role}) (request {RequestId})",
                http.Request.Method,
                http.Request.Path,
                principal.UserId,
                principal.AccessLevel,
                access?.Role,
                http.TraceIdentifier);
            return denial;
        }

        http.Items[PrincipalKey] = principal;
        http.Items[AccessKey] = access;
        return await next(context);
    }

    /// <summary>
    /// True when the browser says the request comes from another site: an <c>Origin</c> whose host differs from this
    /// host, or <c>Sec-Fetch-Site: cross-site</c> (which also covers top-level GET navigations, where no Origin is sent).
    /// </summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        if (string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The caller the filter resolved; only valid inside a filtered route.</summary>
    public static Principal CallerOf(HttpContext http) =>
        http.Items[PrincipalKey] as Principal ?? throw new InvalidOperationException("Route is not behind CallerFilter");

    /// <summary>The caller's role and scope in the active workspace (null only on Session routes for a non-member).</summary>
    public static WorkspaceAccess? AccessOf(HttpContext http) => http.Items[AccessKey] as WorkspaceAccess;

    /// <summary>True when the caller's project scope includes <paramref name="projectId"/>.</summary>
    public static bool Sees(HttpContext http, Guid projectId) => AccessOf(http)?.Sees(projectId) == true;
}
