namespace OrleansMonitor.ApiHost.Errors;

/// <summary>Builds error responses in the <see cref="ApiError"/> envelope, as <see cref="ApiErrorResult"/>s: members of a handler's <c>Results&lt;…&gt;</c> union, and plain <see cref="IResult"/>s elsewhere.</summary>
public static class ApiProblem
{
    public static ApiErrorResult Of(int status, string code, string message, IReadOnlyDictionary<string, string>? errors = null) =>
        new ApiErrorResult(status, code, message, errors);

    public static ApiErrorResult NotFound(string what) =>
        Of(StatusCodes.Status404NotFound, what.ToLowerInvariant().Replace(' ', '_') + "_not_found", what + " not found");

    public static ApiErrorResult Unauthorized(string message = "Authentication required: sign in or send an API token") =>
        Of(StatusCodes.Status401Unauthorized, "unauthorized", message);

    public static ApiErrorResult ReadOnlyToken() =>
        Of(StatusCodes.Status403Forbidden, "read_only_token", "This API token is read-only");

    public static ApiErrorResult SessionRequired() =>
        Of(StatusCodes.Status403Forbidden, "session_required", "This route needs a signed-in session, not an API token");

    public static ApiErrorResult PlanLimit(string what) =>
        Of(StatusCodes.Status403Forbidden, "plan_limit_reached", $"The workspace's plan allows no more {what}");

    public static ApiErrorResult ForbiddenRole(string needed) =>
        Of(StatusCodes.Status403Forbidden, "forbidden_role", $"Your role in this workspace does not allow this (needs {needed} or above)");

    /// <summary>A member limited to some projects asked for something only an unscoped member may do (a new project, a monitor in the default project).</summary>
    public static ApiErrorResult ScopeForbids() =>
        Of(StatusCodes.Status403Forbidden, "forbidden_scope", "Members limited to some projects cannot do this");

    public static ApiErrorResult ForeignOrigin() =>
        Of(StatusCodes.Status403Forbidden, "foreign_origin", "Cookie-authenticated changes must come from this site");

    /// <summary>429 with <c>Retry-After</c> (whole seconds, at least 1) set on <paramref name="response"/>.</summary>
    public static ApiErrorResult TooManyRequests(HttpResponse response, TimeSpan wait, string code, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Of(StatusCodes.Status429TooManyRequests, code, $"{what}; try again in {seconds} s");
    }

    public static ApiErrorResult MonitorNotFound() => Of(StatusCodes.Status404NotFound, "monitor_not_found", "Monitor not found");

    public static ApiErrorResult MissingMonitorId() => Of(StatusCodes.Status400BadRequest, "missing_monitor_id", "monitorId is required");

    public static ApiErrorResult Invalid(IReadOnlyDictionary<string, string> errors, string message = "Invalid monitor information") =>
        Of(StatusCodes.Status422UnprocessableEntity, "validation_failed", message, errors);
}
