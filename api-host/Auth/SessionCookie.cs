namespace OrleansMonitor.ApiHost.Auth;

/// <summary>The session cookie: <c>access_token</c> as the Lunalytics doc names it; the Dashmon name is read too.</summary>
public static class SessionCookie
{
    public const string Name = "access_token";
    public const string DashmonName = "dashmon_session";

    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var secret) && !string.IsNullOrEmpty(secret) ? secret
        : request.Cookies.TryGetValue(DashmonName, out secret) && !string.IsNullOrEmpty(secret) ? secret
        : null;

    public static void Write(HttpResponse response, SessionGrant session) =>
        response.Cookies.Append(Name, session.Secret, new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Expires = session.ExpiresAt,
        });

    public static void Clear(HttpResponse response) =>
        response.Cookies.Delete(Name, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax });
}
