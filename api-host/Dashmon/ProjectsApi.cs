using System.Text.Json.Nodes;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>GET/POST /api/projects, PUT/DELETE /api/projects/:id.</summary>
public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projects");
        group.MapGet("/", ListAsync).RequireCaller(CallerRequirement.Read);
        group.MapPost("/", CreateAsync).RequireCaller(CallerRequirement.Write);
        group.MapPut("/{id}", UpdateAsync).RequireCaller(CallerRequirement.Write);
        group.MapDelete("/{id}", DeleteAsync).RequireCaller(CallerRequirement.Write);
        return group;
    }

    private static IWorkspaceGrain Workspace(ApiCaller caller, IClusterClient cluster) =>
        cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId);

    private static async Task<IResult> ListAsync(ApiCaller caller, IClusterClient cluster)
    {
        var projects = await Workspace(caller, cluster).ListProjectsAsync(caller.Member);
        return Results.Json(new JsonObject
        {
            ["success"] = true,
            ["projects"] = new JsonArray(projects.Select(p => (JsonNode?)Project(p)).ToArray()),
        });
    }

    private static async Task<IResult> CreateAsync(ApiCaller caller, HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var fields = new JsonFields(root);
        var name = fields.String("name", 1000);
        var description = fields.String("description", 5000);
        if (name is null)
        {
            fields.Errors.TryAdd("name", "name is required");
        }

        if (fields.Errors.Count > 0)
        {
            return ApiProblem.Invalid(fields.Errors, "Invalid project");
        }

        var outcome = await Workspace(caller, cluster).CreateProjectAsync(caller.Member, name!, description);
        return outcome switch
        {
            { Project: { } project } => Results.Json(new JsonObject { ["success"] = true, ["project"] = Project(project) }, statusCode: StatusCodes.Status201Created),
            { ScopeForbids: true } => ApiProblem.ScopeForbids(),
            { PlanLimitReached: true } => ApiProblem.PlanLimit("projects"),
            _ => ApiProblem.Invalid(outcome.Errors!, "Invalid project"),
        };
    }

    private static async Task<IResult> UpdateAsync(string id, ApiCaller caller, HttpContext http, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var projectId))
        {
            return ApiProblem.NotFound("Project");
        }

        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
        if (error is not null)
        {
            return error;
        }

        var fields = new JsonFields(root);
        var name = fields.String("name", 1000);
        var description = fields.String("description", 5000);
        if (fields.Errors.Count > 0)
        {
            return ApiProblem.Invalid(fields.Errors, "Invalid project");
        }

        var outcome = await Workspace(caller, cluster).UpdateProjectAsync(caller.Member, projectId, name, description, replaceDescription: root.TryGetProperty("description", out _));
        return outcome switch
        {
            { Project: { } project } => Results.Json(new JsonObject { ["success"] = true, ["project"] = Project(project) }),
            { NotFound: true } => ApiProblem.NotFound("Project"),
            _ => ApiProblem.Invalid(outcome.Errors!, "Invalid project"),
        };
    }

    private static async Task<IResult> DeleteAsync(string id, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(id, out var projectId) && await Workspace(caller, cluster).DeleteProjectAsync(caller.Member, projectId)
            ? Results.Json(new { success = true })
            : ApiProblem.NotFound("Project");

    private static JsonObject Project(ProjectInfo project) => new()
    {
        ["id"] = project.Id.ToString(),
        ["name"] = project.Name,
        ["description"] = project.Description,
        ["isDefault"] = project.IsDefault,
        ["createdAt"] = DeviceJson.Iso(project.CreatedAt),
        ["devices"] = new JsonArray(project.Devices.Select(d => (JsonNode?)DeviceJson.Summary(d)).ToArray()),
    };
}
