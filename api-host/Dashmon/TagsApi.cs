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
        routes.MapPost("/api/devices/tags/bulk", BulkAsync).RequireCaller(CallerRequirement.Write);
        return routes;
    }

    private static IWorkspaceGrain Workspace(HttpContext http, IClusterClient cluster) =>
        cluster.GetGrain<IWorkspaceGrain>(CallerFilter.CallerOf(http).WorkspaceId);

    private static async Task<IResult> ListAsync(HttpContext http, IClusterClient cluster)
    {
        var tags = await Workspace(http, cluster).ListTagsAsync();
        return Results.Json(new { success = true, tags = tags.Select(t => new { tag = t.Tag, count = t.Devices }) });
    }

    private static async Task<IResult> ReplaceAsync(string deviceId, HttpContext http, IClusterClient cluster)
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

        return Guid.TryParse(deviceId, out var id) && await Workspace(http, cluster).SetTagsAsync(id, tags)
            ? Results.Json(new JsonObject { ["success"] = true, ["deviceId"] = id.ToString(), ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray()) })
            : ApiProblem.NotFound("Device");
    }

    private static async Task<IResult> BulkAsync(HttpContext http, IClusterClient cluster)
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

        var missing = await Workspace(http, cluster).BulkTagsAsync(operation!.Value, ids, tags);
        if (missing.Count == ids.Distinct().Count())
        {
            return ApiProblem.NotFound("Device");
        }

        return Results.Json(new { success = true, updated = ids.Distinct().Count() - missing.Count, notFound = missing });
    }

    private static IReadOnlyList<string>? ReadTags(JsonElement root, Dictionary<string, string> errors)
    {
        var fields = new JsonFields(root);
        var tags = fields.StringList("tags", 50);
        if (tags is null)
        {
            errors["tags"] = fields.Errors.GetValueOrDefault("tags") ?? "tags must be an array of strings";
            return null;
        }

        var normalized = tags.Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var bad = normalized.FirstOrDefault(t => t.Length is 0 or > 32 || !t.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.'));
        if (bad is not null || normalized.Length > 20)
        {
            errors["tags"] = "at most 20 tags of 1-32 letters, digits, '-', '_', ':' or '.'";
            return null;
        }

        return normalized;
    }
}
