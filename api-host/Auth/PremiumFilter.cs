namespace OrleansMonitor.ApiHost.Auth;

/// <summary>Premium-only routes (as the Dashmon doc marks them) answer 403 premium_required on free workspaces. Runs after <see cref="CallerFilter"/>.</summary>
public sealed class PremiumFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        CallerFilter.AccessOf(context.HttpContext) is { IsPremium: true }
            ? await next(context)
            : ApiProblem.Of(StatusCodes.Status403Forbidden, "premium_required", "This feature needs a Premium workspace");
}
