using System.Globalization;

namespace OrleansMonitor.ApiHost.Errors;

/// <summary>Writes an <see cref="ApiError"/> with the request's id and the time of writing (from the host's <see cref="TimeProvider"/>).</summary>
public sealed class ApiErrorResult(int status, string code, string message, IReadOnlyDictionary<string, string>? errors) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public string Code => code;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var now = (httpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var timestamp = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return Results.Json(new ApiError(false, message, code, timestamp, httpContext.TraceIdentifier, errors), statusCode: status)
            .ExecuteAsync(httpContext);
    }
}
