using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Identity.Responses;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Identity;

/// <summary>Labeled API tokens: GET/POST /api/user/api-tokens, DELETE /api/user/api-tokens/:id. Session only; creating and revoking needs admin or owner.</summary>
public static class ApiTokensApi
{
    public static RouteGroupBuilder MapApiTokensApi(this IEndpointRouteBuilder routes)
    {
        var tokens = routes.MapGroup("/api/user/api-tokens");

        var sessions = tokens.MapGroup("").RequireCaller(CallerRequirement.Session);
        sessions.MapGet("/", ListAsync);

        var managers = tokens.MapGroup("").RequireCaller(CallerRequirement.SessionManage);
        managers.MapPost("/", CreateAsync).RequirePremium();
        managers.MapDelete("/{id}", RevokeAsync);
        return tokens;
    }

    private static async Task<Ok<ApiTokenListResponse>> ListAsync(ApiCaller caller, IClusterClient cluster)
    {
        var tokens = await cluster.GetGrain<IAccountsGrain>(0).ListApiTokensAsync(caller.UserId);
        return TypedResults.Ok(new ApiTokenListResponse(tokens.Select(ApiTokenSummary.Of).ToArray()));
    }

    private static async Task<Results<Created<ApiTokenCreatedResponse>, ApiErrorResult>> CreateAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var fields = new JsonFields(root);
        var label = fields.String("label", 100)?.Trim();
        var level = fields.String("accessLevel", 20) ?? "read_write";
        var days = fields.Integer("expiresInDays");
        if (string.IsNullOrEmpty(label) && !fields.Errors.ContainsKey("label"))
        {
            fields.Errors["label"] = "label is required (1 to 100 characters)";
        }

        var accessLevel = level switch
        {
            "read_only" => AccessLevel.ReadOnly,
            "read_write" => AccessLevel.ReadWrite,
            _ => (AccessLevel?)null,
        };
        if (accessLevel is null && !fields.Errors.ContainsKey("accessLevel"))
        {
            fields.Errors["accessLevel"] = "accessLevel must be read_only or read_write";
        }

        if (days is not null and not (>= 1 and <= 3650))
        {
            fields.Errors["expiresInDays"] = "expiresInDays must be between 1 and 3650";
        }

        if (fields.Errors.Count > 0)
        {
            return ApiProblem.Invalid(fields.Errors, "Invalid API token request");
        }

        var issued = await cluster.GetGrain<IAccountsGrain>(0).CreateApiTokenAsync(caller.UserId, caller.WorkspaceId, label!, accessLevel!.Value, days);
        if (issued is null)
        {
            return ApiProblem.PlanLimit("API tokens");
        }

        return TypedResults.Created((string?)null, new ApiTokenCreatedResponse(issued.Secret, ApiTokenSummary.Of(issued.Info)));
    }

    private static async Task<Results<Ok<SuccessResponse>, ApiErrorResult>> RevokeAsync(string id, ApiCaller caller, IClusterClient cluster, PrincipalResolver resolver)
    {
        if (!Guid.TryParse(id, out var tokenId))
        {
            return ApiProblem.Of(StatusCodes.Status404NotFound, "token_not_found", "API token not found");
        }

        if (!await cluster.GetGrain<IAccountsGrain>(0).RevokeApiTokenAsync(caller.UserId, tokenId))
        {
            return ApiProblem.Of(StatusCodes.Status404NotFound, "token_not_found", "API token not found");
        }

        resolver.ForgetToken(tokenId);
        return TypedResults.Ok(new SuccessResponse());
    }
}
