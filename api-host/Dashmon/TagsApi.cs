using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>GET /api/tags, PUT /api/devices/:id/tags, POST /api/devices/tags/bulk.</summary>
public static class TagsApi
{
    public static RouteGroupBuilder MapTagsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");

        var readers = api.MapGroup("").RequireCaller(CallerRequirement.Read);
        readers.MapGet("/tags", ListAsync);

        var writers = api.MapGroup("").RequireCaller(CallerRequirement.Write);
        writers.MapPut("/devices/{deviceId}/tags", ReplaceAsync);
        writers.MapPost("/devices/tags/bulk", BulkAsync).RequirePremium();
        return api;
    }

    private static IWorkspaceGrain Workspace(ApiCaller caller, IClusterClient cluster) =>
        cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId);

    private static async Task<Ok<TagListResponse>> ListAsync(ApiCaller caller, IClusterClient cluster)
    {
        var tags = await Workspace(caller, cluster).ListTagsAsync(caller.Member);
        return TypedResults.Ok(new TagListResponse(tags.Select(t => new TagUsage(t.Tag, t.Devices)).ToArray()));
    }

    private static async Task<Results<Ok<DeviceTagsResponse>, ApiErrorResult>> ReplaceAsync(string deviceId, ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var tags = ReadTags(root, errors);
        if (tags is null)
        {
            return ApiProblem.Invalid(errors, "Invalid tags");
        }

        if (!Guid.TryParse(deviceId, out var id))
        {
            return ApiProblem.NotFound("Device");
        }

        var outcome = await Workspace(caller, cluster).SetTagsAsync(caller.Member, id, tags);
        return outcome switch
        {
            { Error: { } refused } => ApiProblem.Invalid(new Dictionary<string, string> { ["tags"] = refused }, "Invalid tags"),
            { Missing.Count: > 0 } => ApiProblem.NotFound("Device"),
            _ => TypedResults.Ok(new DeviceTagsResponse(id, outcome.Tags)),
        };
    }

    private static async Task<Results<Ok<BulkTagsResponse>, ApiErrorResult>> BulkAsync(ApiCaller caller, HttpRequest request, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var fields = new JsonFields(root);
        var errors = fields.Errors;
        var operation = (fields.String("action", 16) ?? fields.String("operation", 16)) switch
        {
            "add" => TagOperation.Add,
            "remove" => TagOperation.Remove,
            "replace" => TagOperation.Replace,
            _ => (TagOperation?)null,
        };
        var ids = DeviceIds.Read(root, errors);
        var tags = ReadTags(root, errors);
        if (operation is null)
        {
            errors.TryAdd("action", "action must be add, remove or replace");
        }

        if (errors.Count > 0 || ids is null || tags is null)
        {
            return ApiProblem.Invalid(errors, "Invalid bulk tag request");
        }

        var outcome = await Workspace(caller, cluster).BulkTagsAsync(caller.Member, operation!.Value, ids, tags);
        return outcome switch
        {
            { Error: { } refused } => ApiProblem.Invalid(new Dictionary<string, string> { ["tags"] = refused }, "Invalid tags"),
            { Updated: 0 } => ApiProblem.NotFound("Device"),
            _ => TypedResults.Ok(new BulkTagsResponse(outcome.Updated, outcome.Missing)),
        };
    }

    /// <summary>The <c>tags</c> array as sent (the workspace grain normalizes and checks it).</summary>
    private static IReadOnlyList<string>? ReadTags(JsonElement root, Dictionary<string, string> errors)
    {
        var fields = new JsonFields(root);
        var tags = fields.StringList("tags", 50);
        if (tags is null)
        {
            errors["tags"] = fields.Errors.GetValueOrDefault("tags") ?? "tags must be an array of strings";
        }

        return tags;
    }
}
