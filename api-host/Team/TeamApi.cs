using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansMonitor.ApiHost.Dashmon;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Team;

/// <summary>
/// Workspace access (session only): GET /api/user/permission-foundation, POST /api/user/account-context, and the
/// team invitations (list, create, cancel: admins and owners; accept: any signed-in user).
/// </summary>
public static class TeamApi
{
    public static readonly TimeSpan DefaultInvitationLifetime = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapTeamApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/user/permission-foundation", PermissionFoundation).RequireCaller(CallerRequirement.Session);
        routes.MapPost("/api/user/account-context", SwitchContextAsync).RequireCaller(CallerRequirement.Session);
        var invitations = routes.MapGroup("/api/user/team-invitations");
        invitations.MapGet("/", ListAsync).RequireCaller(CallerRequirement.SessionManage);
        invitations.MapPost("/", InviteAsync).RequireCaller(CallerRequirement.SessionManage);
        invitations.MapPost("/{id}/cancel", CancelAsync).RequireCaller(CallerRequirement.SessionManage);
        invitations.MapPost("/accept", AcceptAsync).RequireCaller(CallerRequirement.Session);
        return routes;
    }

    private static IResult PermissionFoundation(HttpContext http)
    {
        var caller = CallerFilter.CallerOf(http);
        var access = CallerFilter.AccessOf(http);
        var permissions = new List<string>();
        if (access is not null)
        {
            permissions.Add("read");
            if (access.CanWrite)
            {
                permissions.AddRange(["devices.write", "projects.write", "maintenance.write"]);
            }

            if (access.CanManage)
            {
                permissions.AddRange(["members.manage", "invitations.manage", "tokens.manage", "alerts.manage"]);
            }
        }

        return Results.Json(new JsonObject
        {
            ["success"] = true,
            ["userId"] = caller.UserId.ToString(),
            ["workspace"] = new JsonObject { ["ownerUserId"] = caller.WorkspaceId.ToString(), ["isOwn"] = caller.WorkspaceId == caller.UserId },
            ["role"] = access is null ? null : access.Role.ToString().ToLowerInvariant(),
            ["permissions"] = new JsonArray(permissions.Select(p => (JsonNode?)p).ToArray()),
            ["projectScope"] = access?.ProjectScope is { } scope ? new JsonArray(scope.Select(p => (JsonNode?)p.ToString()).ToArray()) : null,
            ["capabilities"] = access is null
                ? null
                : new JsonObject { ["plan"] = access.Plan, ["writeLocked"] = access.WriteLocked, ["bearerTokens"] = access.IsPremium, ["premiumFeatures"] = access.IsPremium },
        });
    }

    private static async Task<IResult> SwitchContextAsync(HttpContext http, IClusterClient cluster, PrincipalResolver resolver)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var owner = new JsonFields(root).String("ownerUserId", 64);
        if (owner is null || !Guid.TryParse(owner, out var workspaceId))
        {
            return ApiProblem.Invalid(new Dictionary<string, string> { ["ownerUserId"] = "ownerUserId must be a user id" }, "Invalid account context");
        }

        var caller = CallerFilter.CallerOf(http);
        var secret = SessionCookie.Read(http.Request)!;
        if (!await cluster.GetGrain<IAccountsGrain>(0).SwitchWorkspaceAsync(secret, caller.UserId, workspaceId))
        {
            return ApiProblem.Of(StatusCodes.Status403Forbidden, "not_a_member", "You are not a member of that workspace");
        }

        resolver.ForgetSession(secret);
        var access = await cluster.GetGrain<IWorkspaceGrain>(workspaceId).AccessOfAsync(caller.UserId);
        return Results.Json(new { success = true, ownerUserId = workspaceId, role = access?.Role.ToString().ToLowerInvariant() });
    }

    private static IWorkspaceGrain Workspace(HttpContext http, IClusterClient cluster) =>
        cluster.GetGrain<IWorkspaceGrain>(CallerFilter.CallerOf(http).WorkspaceId);

    private static async Task<IResult> ListAsync(HttpContext http, IClusterClient cluster)
    {
        var invitations = await Workspace(http, cluster).ListInvitationsAsync();
        return Results.Json(new JsonObject { ["success"] = true, ["invitations"] = new JsonArray(invitations.Select(i => (JsonNode?)Invitation(i)).ToArray()) });
    }

    private static async Task<IResult> InviteAsync(HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var fields = new JsonFields(root);
        var email = fields.String("email", 254);
        var roleText = fields.String("role", 16);
        var days = fields.Integer("expiresInDays");
        var errors = fields.Errors;
        // "owner" is parsed so that the workspace grain answers it: nobody may grant it (forbidden_role, or 422 for the owner).
        WorkspaceRole? role = roleText switch
        {
            "owner" => WorkspaceRole.Owner,
            "admin" => WorkspaceRole.Admin,
            "editor" => WorkspaceRole.Editor,
            "viewer" => WorkspaceRole.Viewer,
            _ => null,
        };
        if (email is null)
        {
            errors.TryAdd("email", "email is required");
        }

        if (role is null)
        {
            errors.TryAdd("role", "role must be admin, editor or viewer");
        }

        if (days is not null and not (>= 1 and <= 30))
        {
            errors["expiresInDays"] = "expiresInDays must be between 1 and 30";
        }

        IReadOnlyList<Guid>? scope = null;
        if (root.TryGetProperty("projectIds", out var projects) && projects.ValueKind != JsonValueKind.Null)
        {
            scope = DeviceIdsLike(projects, errors);
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors, "Invalid invitation");
        }

        var outcome = await Workspace(http, cluster).InviteAsync(
            CallerFilter.CallerOf(http).UserId, email!, role!.Value, scope, days is { } d ? TimeSpan.FromDays(d) : DefaultInvitationLifetime);
        return outcome switch
        {
            { Invitation: { } invitation } =>
                Results.Json(new JsonObject { ["success"] = true, ["token"] = outcome.Token, ["invitation"] = Invitation(invitation) }, statusCode: StatusCodes.Status201Created),
            { Error: "forbidden_role" } =>
                ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden_role", "You cannot invite someone with a higher role than your own"),
            { Error: "forbidden_scope" } =>
                ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden_scope", "You can only invite members to projects within your own scope"),
            _ => ApiProblem.Invalid(outcome.Errors ?? new Dictionary<string, string>(), "Invalid invitation"),
        };
    }

    private static async Task<IResult> CancelAsync(string id, HttpContext http, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var invitationId))
        {
            return ApiProblem.NotFound("Invitation");
        }

        var outcome = await Workspace(http, cluster).CancelInvitationAsync(invitationId);
        return Outcome(outcome);
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var token = new JsonFields(root).String("token", 200);
        if (string.IsNullOrEmpty(token))
        {
            return ApiProblem.Invalid(new Dictionary<string, string> { ["token"] = "token is required" }, "Invalid invitation");
        }

        var caller = CallerFilter.CallerOf(http);
        return Outcome(await cluster.GetGrain<IAccountsGrain>(0).AcceptInvitationAsync(token, caller.UserId, caller.Email));
    }

    private static IResult Outcome(InvitationOutcome outcome) => outcome.Error switch
    {
        null => Results.Json(new JsonObject { ["success"] = true, ["invitation"] = Invitation(outcome.Invitation!) }),
        "invitation_not_found" => ApiProblem.NotFound("Invitation"),
        "invitation_email_mismatch" => ApiProblem.Of(StatusCodes.Status403Forbidden, "invitation_email_mismatch", "This invitation was sent to another email address"),
        var code => ApiProblem.Of(StatusCodes.Status409Conflict, code, code switch
        {
            "invitation_cancelled" => "This invitation was cancelled",
            "invitation_expired" => "This invitation has expired",
            _ => "This invitation was already used",
        }),
    };

    private static IReadOnlyList<Guid>? DeviceIdsLike(JsonElement list, Dictionary<string, string> errors)
    {
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > 100
            || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || !Guid.TryParse(e.GetString(), out _)))
        {
            errors["projectIds"] = "projectIds must be an array of 1 to 100 project ids";
            return null;
        }

        return list.EnumerateArray().Select(e => Guid.Parse(e.GetString()!)).ToArray();
    }

    private static JsonObject Invitation(InvitationInfo invitation) => new()
    {
        ["id"] = invitation.Id.ToString(),
        ["email"] = invitation.Email,
        ["role"] = invitation.Role.ToString().ToLowerInvariant(),
        ["projectIds"] = invitation.ProjectScope is { } scope ? new JsonArray(scope.Select(p => (JsonNode?)p.ToString()).ToArray()) : null,
        ["status"] = invitation.Status,
        ["createdAt"] = DeviceJson.Iso(invitation.CreatedAt),
        ["expiresAt"] = DeviceJson.Iso(invitation.ExpiresAt),
    };
}
