using OrleansMonitor.GrainInterfaces.Faults;

namespace OrleansMonitor.ApiHost.Errors;

/// <summary>
/// Last line of defence: request-level failures become the documented envelope (400/413 for bad requests,
/// 503 when the cluster is unreachable, 500 otherwise), and are logged.
/// </summary>
public sealed class UnhandledErrorMiddleware(RequestDelegate next, ILogger<UnhandledErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var result = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ApiProblem.Of(413, "payload_too_large", "Request body is too large")
                : ApiProblem.Of(ex.StatusCode, "bad_request", "The request could not be read");
            await result.ExecuteAsync(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            logger.LogError(ex, "Cluster unavailable for {Method} {Path}", context.Request.Method, context.Request.Path);
            await ApiProblem.Of(503, "service_unavailable", "The monitoring cluster is unavailable; try again shortly").ExecuteAsync(context);
        }
        catch (StorageUnavailableException ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "Database unavailable for {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = "5";
            await ApiProblem.Of(503, "storage_unavailable", "The database is unavailable; nothing was changed, try again shortly").ExecuteAsync(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
            await ApiProblem.Of(500, "internal_error", "Internal server error").ExecuteAsync(context);
        }
    }
}
