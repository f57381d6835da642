namespace OrleansMonitor.ApiHost.Auth;

/// <summary>Endpoint filter that authenticates the caller and enforces the route's <see cref="CallerRequirement"/>.</summary>
public sealed class CallerFilter(CallerRequirement requirement) : IEndpointFilter
{
    private const string ItemKey = "OrleansMonitor.Principal";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var resolver = http.RequestServices.GetRequiredService<PrincipalResolver>();
        var principal = await resolver.ResolveAsync(http.Request);
        if (principal is null)
        {
            return ApiProblem.Unauthorized();
        }

        var denial = requirement switch
        {
            CallerRequirement.Write when !principal.CanWrite => ApiProblem.ReadOnlyToken(),
            CallerRequirement.Session when principal.AccessLevel != AccessLevel.Session => ApiProblem.SessionRequired(),
            // A browser carries the session cookie on cross-site requests too: a cookie-authenticated change must
            // come from this site (tokens are not sent by browsers on their own, so they are not at risk).
            not CallerRequirement.Read when principal.AccessLevel == AccessLevel.Session && IsCrossSite(http.Request) => ApiProblem.ForeignOrigin(),
            _ => null,
        };
        if (denial is not null)
        {
            http.RequestServices.GetRequiredService<ILogger<CallerFilter>>()
                .LogInformation("Denied {Method} {Path} to user {UserId} ({AccessLevel}) (request {RequestId})", http.Request.Method, http.Request.Path, principal.UserId, principal.AccessLevel, http.TraceIdentifier);
            return denial;
        }

        http.Items[ItemKey] = principal;
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
        http.Items[ItemKey] as Principal ?? throw new InvalidOperationException("Route is not behind CallerFilter");
}
