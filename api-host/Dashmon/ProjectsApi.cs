using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>GET/POST /api/projects, PUT/DELETE /api/projects/:id.</summary>
public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projects");

        var readers = group.MapGroup("").RequireCaller(CallerRequirement.Read);
        readers.MapGet("/", ListAsync);

        var writers = group.MapGroup("").RequireCaller(CallerRequirement.Write);
        writers.MapPost("/", CreateAsync);
        writers.MapPut("/{id}", UpdateAsync);
        writers.MapDelete("/{id}", DeleteAsync);
        return group;
    }

    private static IWorkspaceGrain Workspace(ApiCaller caller, IClusterClient cluster) =>
        cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId);

    private static async Task<Ok<ProjectListResponse>> ListAsync(ApiCaller caller, IClusterClient cluster)
    {
        var projects = await Workspace(caller, cluster).ListProjectsAsync(caller.Member);
        return TypedResults.Ok(new ProjectListResponse(projects.Select(ProjectSummary.Of).ToArray()));
    }

    private static async Task<Results<Created<ProjectResponse>, ApiErrorResult>> CreateAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
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
            { Project: { } project } => TypedResults.Created((string?)null, new ProjectResponse(ProjectSummary.Of(project))),
            { ScopeForbids: true } => ApiProblem.ScopeForbids(),
            { PlanLimitReached: true } => ApiProblem.PlanLimit("projects"),
            _ => ApiProblem.Invalid(outcome.Errors!, "Invalid project"),
        };
    }

    private static async Task<Results<Ok<ProjectResponse>, ApiErrorResult>> UpdateAsync(string id, ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var projectId))
        {
            return ApiProblem.NotFound("Project");
        }

        var (root, error) = await JsonBody.ReadObjectAsync(request);
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
            { Project: { } project } => TypedResults.Ok(new ProjectResponse(ProjectSummary.Of(project))),
            { NotFound: true } => ApiProblem.NotFound("Project"),
            _ => ApiProblem.Invalid(outcome.Errors!, "Invalid project"),
        };
    }

    private static async Task<Results<Ok<SuccessResponse>, ApiErrorResult>> DeleteAsync(string id, ApiCaller caller, IClusterClient cluster) =>
        Guid.TryParse(id, out var projectId) && await Workspace(caller, cluster).DeleteProjectAsync(caller.Member, projectId)
            ? TypedResults.Ok(new SuccessResponse())
            : ApiProblem.NotFound("Project");
}
