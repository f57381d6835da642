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

    /// <summary>The caller the filter resolved; only valid inside a filtered route.</summary>
    public static Principal CallerOf(HttpContext http) =>
        http.Items[ItemKey] as Principal ?? throw new InvalidOperationException("Route is not behind CallerFilter");
}
