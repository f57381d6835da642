using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Identity.Responses;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Identity;

/// <summary>POST /api/auth/register, /api/auth/login, /api/auth/logout.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth");
        auth.MapPost("/register", RegisterAsync);
        auth.MapPost("/login", LoginAsync);

        var signedIn = auth.MapGroup("").RequireCaller(CallerRequirement.Read);
        signedIn.MapPost("/logout", LogoutAsync);
        return auth;
    }

    private static async Task<Results<Created<SessionResponse>, ApiErrorResult>> RegisterAsync(HttpContext http, IClusterClient cluster, RegistrationThrottle throttle, ILogger<RegistrationThrottle> logger)
    {
        var address = ClientAddress.Of(http);
        var wait = throttle.TryAttempt(address);
        if (wait > TimeSpan.Zero)
        {
            logger.LogWarning("Registration throttled for {Address} (request {RequestId})", address, http.TraceIdentifier);
            return ApiProblem.TooManyRequests(http.Response, wait, "too_many_attempts", "Too many registrations from this address");
        }

        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var fields = new JsonFields(root);
        var email = fields.String("email", 254);
        var password = fields.String("password", 1024);
        var name = fields.String("name", 200);
        var invitationToken = fields.String("invitationToken", 200);
        if (email is null) { fields.Errors.TryAdd("email", "email is required"); }
        if (password is null) { fields.Errors.TryAdd("password", "password is required"); }
        if (name is null) { fields.Errors.TryAdd("name", "name is required"); }
        if (fields.Errors.Count > 0)
        {
            return ApiProblem.Invalid(fields.Errors, "Invalid registration");
        }

        var outcome = await cluster.GetGrain<IAccountsGrain>(0).RegisterAsync(email!, password!, name!, invitationToken);
        if (outcome.RegistrationClosed)
        {
            return ApiProblem.Of(
                StatusCodes.Status403Forbidden,
                "registration_closed",
                "Registration is closed on this installation: ask a member for an invitation and register with its token");
        }

        if (outcome.EmailTaken)
        {
            return ApiProblem.Of(StatusCodes.Status409Conflict, "email_taken", "An account with this email already exists");
        }

        if (outcome.Errors is { Count: > 0 } errors)
        {
            return ApiProblem.Invalid(errors, "Invalid registration");
        }

        SessionCookie.Write(http.Response, outcome.Session!);
        return TypedResults.Created((string?)null, SessionResponse.Of(outcome.Session!));
    }

    private static async Task<Results<Ok<SessionResponse>, ApiErrorResult>> LoginAsync(HttpContext http, IClusterClient cluster, LoginThrottle throttle, ILogger<LoginThrottle> logger)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var fields = new JsonFields(root);
        var email = fields.String("email", 254);
        var password = fields.String("password", 1024);
        if (email is null || password is null || fields.Errors.Count > 0)
        {
            fields.Errors.TryAdd(email is null ? "email" : "password", "email and password are required strings");
            return ApiProblem.Of(StatusCodes.Status400BadRequest, "invalid_request", "email and password are required", fields.Errors);
        }

        var address = ClientAddress.Of(http);
        var wait = throttle.RetryAfter(email, address);
        if (wait > TimeSpan.Zero)
        {
            logger.LogWarning("Login throttled for {Address} (request {RequestId})", address, http.TraceIdentifier);
            return ApiProblem.TooManyRequests(http.Response, wait, "too_many_attempts", "Too many failed logins");
        }

        var session = await cluster.GetGrain<IAccountsGrain>(0).LoginAsync(email, password);
        if (session is null)
        {
            throttle.RecordFailure(email, address);
            logger.LogInformation("Failed login from {Address} (request {RequestId})", address, http.TraceIdentifier);
            return ApiProblem.Of(StatusCodes.Status401Unauthorized, "invalid_credentials", "Email or password is incorrect");
        }

        throttle.RecordSuccess(email);
        SessionCookie.Write(http.Response, session);
        return TypedResults.Ok(SessionResponse.Of(session));
    }

    private static async Task<Ok<SuccessResponse>> LogoutAsync(HttpContext http, IClusterClient cluster, PrincipalResolver resolver)
    {
        if (SessionCookie.Read(http.Request) is { } secret)
        {
            await cluster.GetGrain<IAccountsGrain>(0).LogoutAsync(secret);
            resolver.ForgetSession(secret);
        }

        SessionCookie.Clear(http.Response);
        return TypedResults.Ok(new SuccessResponse());
    }
}
