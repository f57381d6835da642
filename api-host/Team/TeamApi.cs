using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.ApiHost.Team.Responses;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Team;

/// <summary>
/// Workspace access (session only): GET /api/user/permission-foundation, POST /api/user/account-context, and the
/// team invitations (list, create, cancel: admins and owners; accept: any signed-in user).
/// </summary>
public static class TeamApi
{
    public static readonly TimeSpan DefaultInvitationLifetime = TimeSpan.FromDays(7);

    public static RouteGroupBuilder MapTeamApi(this IEndpointRouteBuilder routes)
    {
        var user = routes.MapGroup("/api/user");

        var sessions = user.MapGroup("").RequireCaller(CallerRequirement.Session);
        sessions.MapGet("/permission-foundation", PermissionFoundation);
        sessions.MapPost("/account-context", SwitchContextAsync);
        sessions.MapPost("/team-invitations/accept", AcceptAsync);

        var invitations = user.MapGroup("/team-invitations").RequireCaller(CallerRequirement.SessionManage);
        invitations.MapGet("/", ListAsync);
        invitations.MapPost("/", InviteAsync);
        invitations.MapPost("/{id}/cancel", CancelAsync);
        return user;
    }

    private static Ok<PermissionFoundationResponse> PermissionFoundation(ApiCaller caller)
    {
        var access = caller.Access;
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

        return TypedResults.Ok(new PermissionFoundationResponse(
            caller.UserId,
            new ActiveWorkspace(caller.WorkspaceId, caller.WorkspaceId == caller.UserId),
            access?.Role,
            permissions,
            access?.ProjectScope,
            access is null ? null : new WorkspaceCapabilities(access.Plan, access.WriteLocked, access.IsPremium, access.IsPremium)));
    }

    private static async Task<Results<Ok<AccountContextResponse>, ApiErrorResult>> SwitchContextAsync(
        ApiCaller caller, HttpRequest request, IClusterClient cluster, PrincipalResolver resolver)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var owner = new JsonFields(root).String("ownerUserId", 64);
        if (owner is null || !Guid.TryParse(owner, out var workspaceId))
        {
            return ApiProblem.Invalid(new Dictionary<string, string> { ["ownerUserId"] = "ownerUserId must be a user id" }, "Invalid account context");
        }

        var secret = SessionCookie.Read(request)!;
        if (!await cluster.GetGrain<IAccountsGrain>(0).SwitchWorkspaceAsync(secret, caller.UserId, workspaceId))
        {
            return ApiProblem.Of(StatusCodes.Status403Forbidden, "not_a_member", "You are not a member of that workspace");
        }

        resolver.ForgetSession(secret);
        var access = await cluster.GetGrain<IWorkspaceGrain>(workspaceId).AccessOfAsync(caller.UserId);
        return TypedResults.Ok(new AccountContextResponse(workspaceId, access?.Role));
    }

    private static IWorkspaceGrain Workspace(ApiCaller caller, IClusterClient cluster) =>
        cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId);

    private static async Task<Ok<InvitationListResponse>> ListAsync(ApiCaller caller, IClusterClient cluster)
    {
        var invitations = await Workspace(caller, cluster).ListInvitationsAsync();
        return TypedResults.Ok(new InvitationListResponse(invitations.Select(InvitationSummary.Of).ToArray()));
    }

    private static async Task<Results<Created<InvitationCreatedResponse>, ApiErrorResult>> InviteAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
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

        var outcome = await Workspace(caller, cluster).InviteAsync(
            caller.UserId, email!, role!.Value, scope, days is { } d ? TimeSpan.FromDays(d) : DefaultInvitationLifetime);
        return outcome switch
        {
            { Invitation: { } invitation } =>
                TypedResults.Created((string?)null, new InvitationCreatedResponse(outcome.Token, InvitationSummary.Of(invitation))),
            { Error: "forbidden_role" } =>
                ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden_role", "You cannot invite someone with a higher role than your own"),
            { Error: "forbidden_scope" } =>
                ApiProblem.Of(StatusCodes.Status403Forbidden, "forbidden_scope", "You can only invite members to projects within your own scope"),
            _ => ApiProblem.Invalid(outcome.Errors ?? new Dictionary<string, string>(), "Invalid invitation"),
        };
    }

    private static async Task<Results<Ok<InvitationResponse>, ApiErrorResult>> CancelAsync(string id, ApiCaller caller, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var invitationId))
        {
            return ApiProblem.NotFound("Invitation");
        }

        var outcome = await Workspace(caller, cluster).CancelInvitationAsync(invitationId);
        return Outcome(outcome);
    }

    private static async Task<Results<Ok<InvitationResponse>, ApiErrorResult>> AcceptAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var token = new JsonFields(root).String("token", 200);
        if (string.IsNullOrEmpty(token))
        {
            return ApiProblem.Invalid(new Dictionary<string, string> { ["token"] = "token is required" }, "Invalid invitation");
        }

        return Outcome(await cluster.GetGrain<IAccountsGrain>(0).AcceptInvitationAsync(token, caller.UserId, caller.Email));
    }

    private static Results<Ok<InvitationResponse>, ApiErrorResult> Outcome(InvitationOutcome outcome) => outcome.Error switch
    {
        null => TypedResults.Ok(new InvitationResponse(InvitationSummary.Of(outcome.Invitation!))),
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
}
