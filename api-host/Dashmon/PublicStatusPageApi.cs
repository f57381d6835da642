using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// GET /api/public/status-pages/:slug, the share URL's read: anonymous, with <c>?token=</c> for a private page. One
/// call to the slug's grain, answered from memory; the page grain judges the token (no token cache here), so a rotation
/// holds at once on every API host. A missing or wrong token answers exactly as an unknown slug.
/// </summary>
public static class PublicStatusPageApi
{
    /// <summary>How long a reader (or a shared cache, for a public page) may keep an answer.</summary>
    public const int MaxAgeSeconds = 15;

    private const int MaxTokenLength = 128;
    private const int MaxIfNoneMatchLength = 1024;

    public static IEndpointRouteBuilder MapPublicStatusPageApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/public/status-pages/{slug}", ReadAsync);
        return routes;
    }

    private static async Task<Results<Ok<PublicStatusPageResponse>, StatusCodeHttpResult, ApiErrorResult>> ReadAsync(
        string slug, string? token, HttpRequest request, HttpResponse response, IClusterClient cluster)
    {
        // A slug that cannot be one is not looked up: no grain is activated for it.
        if (!StatusPageSlug.IsValid(slug))
        {
            return NotFound();
        }

        // Tags longer than any this host gives, and tokens longer than any it issues, are not sent on.
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        var outcome = await cluster.GetGrain<IStatusPageSlugGrain>(slug).ReadAsync(
            token is { Length: <= MaxTokenLength } ? token : null,
            ifNoneMatch.Length is > 0 and <= MaxIfNoneMatchLength ? ifNoneMatch : null);
        if (outcome.ETag is not { } etag)
        {
            return NotFound();
        }

        response.Headers.ETag = etag;
        response.Headers.CacheControl = (outcome.IsPrivate ? "private" : "public") + ", max-age=" + MaxAgeSeconds;
        return outcome.View is { } view ? TypedResults.Ok(PublicStatusPageResponse.Of(view)) : TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    private static ApiErrorResult NotFound() => ApiProblem.NotFound("Status page");
}
