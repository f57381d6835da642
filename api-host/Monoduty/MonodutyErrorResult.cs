using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>Writes a <see cref="MonodutyError"/> with the request's id and the time of writing; a typed result for handlers' unions.</summary>
public sealed class MonodutyErrorResult(int status, string code, string message, string? reason = null, IReadOnlyDictionary<string, string>? fields = null)
    : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public string Code => code;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var now = (httpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var body = new MonodutyError(false, message, code, IsoTimestampConverter.Format(now), httpContext.TraceIdentifier, reason, fields);
        return TypedResults.Json(body, statusCode: status).ExecuteAsync(httpContext);
    }
}
