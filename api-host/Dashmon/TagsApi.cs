using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>GET /api/tags, PUT /api/devices/:id/tags, POST /api/devices/tags/bulk.</summary>
public static class TagsApi
{
    public static IEndpointRouteBuilder MapTagsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/tags", ListAsync).RequireCaller(CallerRequirement.Read);
        routes.MapPut("/api/devices/{deviceId}/tags", ReplaceAsync).RequireCaller(CallerRequirement.Write);
        routes.MapPost("/api/devices/tags/bulk", BulkAsync).RequireCaller(CallerRequirement.Write).RequirePremium();
        return routes;
    }

    private static IWorkspaceGrain Workspace(ApiCaller caller, IClusterClient cluster) =>
        cluster.GetGrain<IWorkspaceGrain>(caller.WorkspaceId);

    private static async Task<IResult> ListAsync(ApiCaller caller, IClusterClient cluster)
    {
        var tags = await Workspace(caller, cluster).ListTagsAsync(caller.Member);
        return Results.Json(new { success = true, tags = tags.Select(t => new { tag = t.Tag, count = t.Devices }) });
    }

    private static async Task<IResult> ReplaceAsync(string deviceId, ApiCaller caller, HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
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
            _ => Results.Json(new JsonObject { ["success"] = true, ["deviceId"] = id.ToString(), ["tags"] = new JsonArray(outcome.Tags.Select(t => (JsonNode?)t).ToArray()) }),
        };
    }

    private static async Task<IResult> BulkAsync(ApiCaller caller, HttpContext http, IClusterClient cluster)
    {
        var (root, error) = await JsonBody.ReadObjectAsync(http.Request);
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
            _ => Results.Json(new { success = true, updated = outcome.Updated, notFound = outcome.Missing }),
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
