using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Identity;

/// <summary>Labeled API tokens: GET/POST /api/user/api-tokens, DELETE /api/user/api-tokens/:id. Session only; creating and revoking needs admin or owner.</summary>
public static class ApiTokensApi
{
    public static RouteGroupBuilder MapApiTokensApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/user/api-tokens");
        group.MapGet("/", ListAsync).RequireCaller(CallerRequirement.Session);
        group.MapPost("/", CreateAsync).RequireCaller(CallerRequirement.SessionManage).RequirePremium();
        group.MapDelete("/{id}", RevokeAsync).RequireCaller(CallerRequirement.SessionManage);
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IClusterClient cluster)
    {
        var caller = CallerFilter.CallerOf(http);
        var tokens = await cluster.GetGrain<IAccountsGrain>(0).ListApiTokensAsync(caller.UserId);
        return Results.Json(new { success = true, tokens = tokens.Select(Describe) });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
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

        var caller = CallerFilter.CallerOf(http);
        var issued = await cluster.GetGrain<IAccountsGrain>(0).CreateApiTokenAsync(caller.UserId, caller.WorkspaceId, label!, accessLevel!.Value, days);
        if (issued is null)
        {
            return ApiProblem.PlanLimit("API tokens");
        }

        return Results.Json(new { success = true, token = issued.Secret, apiToken = Describe(issued.Info) }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RevokeAsync(string id, HttpContext http, IClusterClient cluster, PrincipalResolver resolver)
    {
        if (!Guid.TryParse(id, out var tokenId))
        {
            return ApiProblem.Of(StatusCodes.Status404NotFound, "token_not_found", "API token not found");
        }

        var caller = CallerFilter.CallerOf(http);
        if (!await cluster.GetGrain<IAccountsGrain>(0).RevokeApiTokenAsync(caller.UserId, tokenId))
        {
            return ApiProblem.Of(StatusCodes.Status404NotFound, "token_not_found", "API token not found");
        }

        resolver.ForgetToken(tokenId);
        return Results.Json(new { success = true });
    }

    private static object Describe(ApiTokenInfo token) => new
    {
        id = token.Id,
        label = token.Label,
        accessLevel = token.AccessLevel == AccessLevel.ReadOnly ? "read_only" : "read_write",
        prefix = token.Prefix,
        createdAt = token.CreatedAt,
        expiresAt = token.ExpiresAt,
        lastUsedAt = token.LastUsedAt,
    };
}
