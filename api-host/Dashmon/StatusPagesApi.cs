using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// Status pages (Premium): GET and POST /api/status-pages, PUT /api/status-pages/:id, POST
/// /api/status-pages/:id/regenerate-token, GET and POST /api/status-pages/:id/updates. Any member reads; admins and
/// owners create, change and rotate tokens; editors too publish updates. A page of another workspace, or including a
/// project outside the caller's scope, is not found.
/// </summary>
public static class StatusPagesApi
{
    private const string Invalid = "Invalid status page";

    public static RouteGroupBuilder MapStatusPagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/status-pages");
        var readers = group.MapGroup("").RequireCaller(CallerRequirement.Read).RequirePremium();
        var writers = group.MapGroup("").RequireCaller(CallerRequirement.Write).RequirePremium();
        var managers = group.MapGroup("").RequireCaller(CallerRequirement.Manage).RequirePremium();
        readers.MapGet("/", ListAsync);
        managers.MapPost("/", CreateAsync);
        managers.MapPut("/{id}", UpdateAsync);
        managers.MapPost("/{id}/regenerate-token", RegenerateTokenAsync);
        readers.MapGet("/{id}/updates", ListUpdatesAsync);
        writers.MapPost("/{id}/updates", PublishUpdateAsync);
        return group;
    }

    private static async Task<Ok<StatusPageListResponse>> ListAsync(ApiCaller caller, IClusterClient cluster)
    {
        var pages = await cluster.GetGrain<IStatusPagesGrain>(caller.WorkspaceId).ListAsync(caller.Member);
        return TypedResults.Ok(new StatusPageListResponse(pages.Select(StatusPageView.Of).ToArray()));
    }

    private static async Task<Results<Created<StatusPageResponse>, ApiErrorResult>> CreateAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var (draft, errors) = StatusPagePayload.ReadPage(root, creating: true);
        if (draft is null)
        {
            return ApiProblem.Invalid(errors, Invalid);
        }

        var outcome = await cluster.GetGrain<IStatusPagesGrain>(caller.WorkspaceId).CreateAsync(caller.Member, draft);
        return outcome switch
        {
            { Page: { } page } => TypedResults.Created("/api/public/status-pages/" + page.Slug, new StatusPageResponse(StatusPageView.Of(page), outcome.Token)),
            _ => Refusal(outcome),
        };
    }

    private static async Task<Results<Ok<StatusPageResponse>, ApiErrorResult>> UpdateAsync(string id, ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var pageId))
        {
            return NotFound();
        }

        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var (draft, errors) = StatusPagePayload.ReadPage(root, creating: false);
        if (draft is null)
        {
            return ApiProblem.Invalid(errors, Invalid);
        }

        var outcome = await cluster.GetGrain<IStatusPageGrain>(pageId).UpdateAsync(caller.Member, draft);
        return outcome is { Page: { } page } ? TypedResults.Ok(new StatusPageResponse(StatusPageView.Of(page), outcome.Token)) : Refusal(outcome);
    }

    private static async Task<Results<Ok<StatusPageResponse>, ApiErrorResult>> RegenerateTokenAsync(string id, ApiCaller caller, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var pageId))
        {
            return NotFound();
        }

        var outcome = await cluster.GetGrain<IStatusPageGrain>(pageId).RegenerateTokenAsync(caller.Member);
        return outcome is { Page: { } page } ? TypedResults.Ok(new StatusPageResponse(StatusPageView.Of(page), outcome.Token)) : Refusal(outcome);
    }

    private static async Task<Results<Ok<StatusUpdateListResponse>, ApiErrorResult>> ListUpdatesAsync(string id, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(id, out var pageId) && await cluster.GetGrain<IStatusPageGrain>(pageId).ListUpdatesAsync(caller.Member) is { } updates
            ? TypedResults.Ok(new StatusUpdateListResponse(updates.Select(StatusUpdateView.Of).ToArray()))
            : NotFound();

    private static async Task<Results<Created<StatusUpdateResponse>, ApiErrorResult>> PublishUpdateAsync(string id, ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var pageId))
        {
            return NotFound();
        }

        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var (state, message, deviceIds, errors) = StatusPagePayload.ReadUpdate(root);
        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors, "Invalid status update");
        }

        var outcome = await cluster.GetGrain<IStatusPageGrain>(pageId).PublishUpdateAsync(caller.Member, state, message, deviceIds);
        return outcome switch
        {
            { Update: { } update } => TypedResults.Created((string?)null, new StatusUpdateResponse(StatusUpdateView.Of(update))),
            { NotFound: true } => NotFound(),
            _ => ApiProblem.Invalid(outcome.Errors ?? new Dictionary<string, string>(), "Invalid status update"),
        };
    }

    private static ApiErrorResult NotFound() => ApiProblem.NotFound("Status page");

    private static ApiErrorResult Refusal(StatusPageOutcome outcome) => outcome switch
    {
        { NotFound: true } => NotFound(),
        { SlugTaken: true } => ApiProblem.Of(StatusCodes.Status409Conflict, "slug_taken", "Another status page already has this slug"),
        { LimitReached: true } => ApiProblem.PlanLimit("status pages"),
        { NotPrivate: true } => ApiProblem.Of(StatusCodes.Status409Conflict, "status_page_not_private", "The status page is public: it has no token to regenerate"),
        _ => ApiProblem.Invalid(outcome.Errors ?? new Dictionary<string, string>(), Invalid),
    };
}
