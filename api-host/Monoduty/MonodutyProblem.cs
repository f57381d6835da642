namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>
/// Builds <see cref="MonodutyErrorResult"/>s, and turns the engine's own error results (authentication, body reading)
/// into the Monoduty flavour: the status is kept, the code becomes the document's upper-case one, the engine's code
/// goes to <c>reason</c>.
/// </summary>
public static class MonodutyProblem
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string InvalidJson = "INVALID_JSON";
    public const string NotFoundCode = "NOT_FOUND";
    public const string RateLimited = "RATE_LIMITED";

    public static MonodutyErrorResult Validation(IReadOnlyDictionary<string, string> fields, string message = "Invalid request parameters") =>
        new(StatusCodes.Status400BadRequest, ValidationError, message, fields: fields);

    public static MonodutyErrorResult NotFound(string what) => new(StatusCodes.Status404NotFound, NotFoundCode, what + " not found");

    public static MonodutyErrorResult TooManyRequests(HttpResponse response, TimeSpan wait, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new MonodutyErrorResult(StatusCodes.Status429TooManyRequests, RateLimited, $"{what}; try again in {seconds} s");
    }

    /// <summary><paramref name="error"/> in the Monoduty flavour.</summary>
    public static MonodutyErrorResult From(ApiErrorResult error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error.StatusCode ?? StatusCodes.Status500InternalServerError;
        var code = (status, error.Code) switch
        {
            (400, "invalid_json") => InvalidJson,
            (400, _) => ValidationError,
            (401, _) => "UNAUTHORIZED",
            (403, _) => "FORBIDDEN",
            (404, _) => NotFoundCode,
            (413, _) => "PAYLOAD_TOO_LARGE",
            (422, _) => ValidationError,
            (429, _) => RateLimited,
            (503, _) => "SERVICE_UNAVAILABLE",
            _ => "INTERNAL_ERROR",
        };
        return new MonodutyErrorResult(status == 422 ? 400 : status, code, error.Message, error.Code, error.Errors);
    }
}
