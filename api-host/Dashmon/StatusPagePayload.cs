using System.Text.Json;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// Reads the bodies of the status page routes: a page (<c>title</c>, <c>slug</c>, <c>description</c>,
/// <c>projectIds</c>, <c>visibility</c>) and an update (<c>state</c>, <c>message</c>, <c>deviceIds</c>). Shapes are
/// checked here (422 with field errors); lengths, slugs and which projects and devices exist are the grain's to judge.
/// </summary>
public static class StatusPagePayload
{
    /// <summary>The page the body describes; on update (<paramref name="creating"/> false) fields left out keep their value.</summary>
    public static (StatusPageDraft? Draft, IReadOnlyDictionary<string, string> Errors) ReadPage(JsonElement root, bool creating)
    {
        var fields = new JsonFields(root);
        var title = fields.String("title", 1000);
        var slug = fields.String("slug", 1000);
        var description = fields.String("description", 5000);
        var projectIds = Ids(fields, "projectIds", 100);
        StatusPageVisibility? visibility = fields.String("visibility", 32) switch
        {
            null => null,
            "public" => StatusPageVisibility.Public,
            "private" => StatusPageVisibility.Private,
            _ => Refuse<StatusPageVisibility>(fields, "visibility", "visibility must be public or private"),
        };
        if (creating)
        {
            Require(fields, "title", title);
            Require(fields, "slug", slug);
            Require(fields, "projectIds", projectIds);
            Require(fields, "visibility", visibility);
        }

        if (fields.Errors.Count > 0)
        {
            return (null, fields.Errors);
        }

        var replaceDescription = creating || root.TryGetProperty("description", out _);
        return (new StatusPageDraft(title, slug, description, projectIds, visibility, replaceDescription), fields.Errors);
    }

    /// <summary>The update the body describes: a state and a message, required; devices, optional.</summary>
    public static (UpdateState State, string Message, IReadOnlyList<Guid> DeviceIds, IReadOnlyDictionary<string, string> Errors) ReadUpdate(JsonElement root)
    {
        var fields = new JsonFields(root);
        UpdateState? state = fields.String("state", 32) switch
        {
            null => null,
            "investigating" => UpdateState.Investigating,
            "identified" => UpdateState.Identified,
            "monitoring" => UpdateState.Monitoring,
            "resolved" => UpdateState.Resolved,
            _ => Refuse<UpdateState>(fields, "state", "state must be investigating, identified, monitoring or resolved"),
        };
        var message = fields.String("message", 10_000);
        var deviceIds = Ids(fields, "deviceIds", 200) ?? [];
        Require(fields, "state", state);
        Require(fields, "message", message);
        return (state ?? UpdateState.Investigating, message ?? "", deviceIds, fields.Errors);
    }

    private static IReadOnlyList<Guid>? Ids(JsonFields fields, string name, int maxItems)
    {
        var texts = fields.StringList(name, maxItems);
        if (texts is null)
        {
            return null;
        }

        var ids = new List<Guid>(texts.Count);
        foreach (var text in texts)
        {
            if (!Guid.TryParse(text, out var id))
            {
                fields.Errors[name] = $"{name} must be an array of ids";
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }

    private static void Require(JsonFields fields, string name, object? value)
    {
        if (value is null)
        {
            fields.Errors.TryAdd(name, $"{name} is required");
        }
    }

    private static T? Refuse<T>(JsonFields fields, string name, string message)
        where T : struct
    {
        fields.Errors[name] = message;
        return null;
    }
}
