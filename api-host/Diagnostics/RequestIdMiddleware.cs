namespace OrleansMonitor.ApiHost.Diagnostics;

/// <summary>
/// Gives every request an id: a valid incoming <c>X-Request-Id</c> is echoed, otherwise one is generated. The id is
/// the response's <c>X-Request-Id</c> header, the <see cref="HttpContext.TraceIdentifier"/> (error bodies carry it as
/// <c>requestId</c>), a logging scope, and part of the one log line written per request (its path with secrets
/// redacted: see <see cref="SecretPaths"/>).
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger, TimeProvider time)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var id = IsValid(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });

        var started = time.GetTimestamp();
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
        {
            try
            {
                await next(context);
            }
            finally
            {
                logger.LogInformation(
                    "{Method} {Path} answered {StatusCode} in {ElapsedMs:F1} ms (request {RequestId})",
                    context.Request.Method,
                    SecretPaths.Redact(context.Request.Path.Value ?? ""),
                    context.Response.StatusCode,
                    time.GetElapsedTime(started).TotalMilliseconds,
                    id);
            }
        }
    }

    private static bool IsValid(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
