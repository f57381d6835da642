namespace OrleansMonitor.ApiHost.Errors;

/// <summary>Builds error responses in the <see cref="ApiError"/> envelope.</summary>
public static class ApiProblem
{
    public static IResult Of(int status, string code, string message, IReadOnlyDictionary<string, string>? errors = null) =>
        new ApiErrorResult(status, code, message, errors);

    public static IResult NotFound(string what) =>
        Of(StatusCodes.Status404NotFound, what.ToLowerInvariant().Replace(' ', '_') + "_not_found", what + " not found");

    public static IResult Unauthorized(string message = "Authentication required: sign in or send an API token") =>
        Of(StatusCodes.Status401Unauthorized, "unauthorized", message);

    public static IResult ReadOnlyToken() =>
        Of(StatusCodes.Status403Forbidden, "read_only_token", "This API token is read-only");

    public static IResult SessionRequired() =>
        Of(StatusCodes.Status403Forbidden, "session_required", "This route needs a signed-in session, not an API token");

    public static IResult PlanLimit(string what) =>
        Of(StatusCodes.Status403Forbidden, "plan_limit_reached", $"The workspace's plan allows no more {what}");

    public static IResult ForbiddenRole(string needed) =>
        Of(StatusCodes.Status403Forbidden, "forbidden_role", $"Your role in this workspace does not allow this (needs {needed} or above)");

    public static IResult ScopeForbids() =>
        Of(StatusCodes.Status403Forbidden, "forbidden_scope", "Members limited to some projects cannot do this");

    public static IResult ForeignOrigin() =>
        Of(StatusCodes.Status403Forbidden, "foreign_origin", "Cookie-authenticated changes must come from this site");

    /// <summary>429 with <c>Retry-After</c> (whole seconds, at least 1) set on <paramref name="response"/>.</summary>
    public static IResult TooManyRequests(HttpResponse response, TimeSpan wait, string code, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Of(StatusCodes.Status429TooManyRequests, code, $"{what}; try again in {seconds} s");
    }

    public static IResult MonitorNotFound() => Of(StatusCodes.Status404NotFound, "monitor_not_found", "Monitor not found");

    public static IResult MissingMonitorId() => Of(StatusCodes.Status400BadRequest, "missing_monitor_id", "monitorId is required");

    public static IResult Invalid(IReadOnlyDictionary<string, string> errors, string message = "Invalid monitor information") =>
        Of(StatusCodes.Status422UnprocessableEntity, "validation_failed", message, errors);
}
