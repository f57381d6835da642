using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Errors;

/// <summary>
/// Writes an <see cref="ApiError"/> with the request's id and the time of writing (from the host's <see cref="TimeProvider"/>).
/// A typed result: handlers list it in their <c>Results&lt;…&gt;</c> union for every error they answer.
/// </summary>
public sealed class ApiErrorResult(int status, string code, string message, IReadOnlyDictionary<string, string>? errors) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public string Code => code;

    /// <summary>The message for people (other error flavours, such as Monoduty's, carry it over).</summary>
    public string Message => message;

    /// <summary>The field errors, when there are.</summary>
    public IReadOnlyDictionary<string, string>? Errors => errors;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var now = (httpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var body = new ApiError(false, message, code, IsoTimestampConverter.Format(now), httpContext.TraceIdentifier, errors);
        return TypedResults.Json(body, statusCode: status).ExecuteAsync(httpContext);
    }
}
