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

    private static IWorkspaceGrain Workspace(HttpContext http, IClusterClient cluster) =>
        cluster.GetGrain<IWorkspaceGrain>(CallerFilter.CallerOf(http).WorkspaceId);

    private static async Task<IResult> ListAsync(HttpContext http, IClusterClient cluster)
    {
        var projects = (await Workspace(http, cluster).ListProjectsAsync()).Where(p => CallerFilter.Sees(http, p.Id));
        return Results.Json(new JsonObject
        {
            ["success"] = true,
            ["projects"] = new JsonArray(projects.Select(p => (JsonNode?)Project(p)).ToArray()),
        });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IClusterClient cluster)
    {
        if (Visibility.IsScoped(http))
        {
            return Visibility.ScopeForbids();
        }

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

        var outcome = await Workspace(http, cluster).CreateProjectAsync(name!, description);
        return outcome switch
        {
            { Project: { } project } => Results.Json(new JsonObject { ["success"] = true, ["project"] = Project(project) }, statusCode: StatusCodes.Status201Created),
            { PlanLimitReached: true } => ApiProblem.PlanLimit("projects"),
            _ => ApiProblem.Invalid(outcome.Errors!, "Invalid project"),
        };
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext http, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var projectId) || !CallerFilter.Sees(http, projectId))
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

        var outcome = await Workspace(http, cluster).UpdateProjectAsync(projectId, name, description, replaceDescription: root.TryGetProperty("description", out _));
        return outcome switch
        {
            { Project: { } project } => Results.Json(new JsonObject { ["success"] = true, ["project"] = Project(project) }),
            { NotFound: true } => ApiProblem.NotFound("Project"),
            _ => ApiProblem.Invalid(outcome.Errors!, "Invalid project"),
        };
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, IClusterClient cluster) =>
        Guid.TryParse(id, out var projectId) && CallerFilter.Sees(http, projectId) && await Workspace(http, cluster).DeleteProjectAsync(projectId)
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
