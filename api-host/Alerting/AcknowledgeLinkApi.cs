using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Alerting;

/// <summary>
/// <c>GET /ack/{token}</c> shows the incident a signed acknowledge link names with a button; <c>POST /ack/{token}</c>
/// acknowledges it. Anonymous: the token is the permission, for that one incident. A link that is not valid answers
/// 404 whatever the reason. Pages are not cached, not indexed and send no referrer (the token is in the URL).
/// </summary>
public static class AcknowledgeLinkApi
{
    public static IEndpointRouteBuilder MapAcknowledgeLinkApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ack/{token}", ViewAsync).ExcludeFromDescription();
        routes.MapPost("/ack/{token}", AcknowledgeAsync).ExcludeFromDescription().DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> ViewAsync(string token, HttpContext http, IClusterClient cluster) =>
        Html(http, await Links(cluster).ViewAsync(token) is { } incident ? AcknowledgeLinkPage.Answer(incident) : null);

    private static async Task<IResult> AcknowledgeAsync(string token, HttpContext http, IClusterClient cluster) =>
        Html(http, await Links(cluster).AcknowledgeAsync(token) is { } incident ? AcknowledgeLinkPage.Answer(incident) : null);

    private static IAcknowledgeLinkGrain Links(IClusterClient cluster) => cluster.GetGrain<IAcknowledgeLinkGrain>(0);

    private static IResult Html(HttpContext http, string? page)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        return Results.Content(page ?? AcknowledgeLinkPage.NotValid(), "text/html; charset=utf-8", null, page is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }
}
