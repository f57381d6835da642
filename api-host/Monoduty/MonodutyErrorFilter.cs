using OrleansMonitor.GrainInterfaces.Faults;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>
/// Endpoint filter on every Monoduty route, outside <see cref="CallerFilter"/>: an engine error result (401, 403 from
/// authentication) leaves as a <see cref="MonodutyError"/>, and so does the cluster or the database being away (503,
/// logged; <c>reason</c> says which, as <see cref="UnhandledErrorMiddleware"/> would).
/// </summary>
public sealed class MonodutyErrorFilter(ILogger<MonodutyErrorFilter> logger) : IEndpointFilter
{
    public const string Unavailable = "SERVICE_UNAVAILABLE";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            var result = await next(context);
            return result is ApiErrorResult error ? MonodutyProblem.From(error) : result;
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogError(ex, "Database unavailable for {Method} {Path}", http.Request.Method, http.Request.Path);
            http.Response.Headers.RetryAfter = "5";
            return new MonodutyErrorResult(StatusCodes.Status503ServiceUnavailable, Unavailable, "The database is unavailable; nothing was changed, try again shortly", "storage_unavailable");
        }
        catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            logger.LogError(ex, "Cluster unavailable for {Method} {Path}", http.Request.Method, http.Request.Path);
            return new MonodutyErrorResult(StatusCodes.Status503ServiceUnavailable, Unavailable, "The monitoring cluster is unavailable; try again shortly", "service_unavailable");
        }
    }
}
