using System.Text.Json;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Webhooks;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>
/// Reads the body of <c>POST /api/webhooks</c> into a <see cref="NewWebhook"/>: shapes and names only (the webhooks
/// grain applies the rules: name length, addresses, numbers). Errors name the field path (<c>targetChannels.sms</c>).
/// </summary>
public static class WebhookPayload
{
    public static (NewWebhook? Webhook, Dictionary<string, string> Errors) Read(JsonElement root)
    {
        var fields = new JsonFields(root);
        var errors = fields.Errors;
        var name = fields.String("name", 100);
        if (name is null)
        {
            errors.TryAdd("name", "name is required (at least 3 characters)");
        }

        var description = fields.String("description", 1000);
        var types = ReadTypes(root, errors);
        var targets = WebhookTargets.None;
        if (JsonFields.Given(root, "targetChannels") is { } channels)
        {
            if (channels.ValueKind != JsonValueKind.Object)
            {
                errors["targetChannels"] = "targetChannels must be an object with email, sms and call";
            }
            else
            {
                var target = new JsonFields(channels);
                targets = new WebhookTargets(target.String("email", 254), target.String("sms", 32), target.String("call", 32));
                foreach (var (field, message) in target.Errors)
                {
                    errors[$"targetChannels.{field}"] = message;
                }
            }
        }

        return (errors.Count == 0 ? new NewWebhook(name!, description, types, targets) : null, errors);
    }

    private static List<NotificationType> ReadTypes(JsonElement root, Dictionary<string, string> errors)
    {
        var types = new List<NotificationType>();
        if (JsonFields.Given(root, "notificationTypes") is not { } list)
        {
            errors["notificationTypes"] = $"notificationTypes is required: an array of {MonodutyNames.All}";
            return types;
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > 4)
        {
            errors["notificationTypes"] = $"notificationTypes must be an array of 1 to 4 of {MonodutyNames.All}";
            return types;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !MonodutyNames.TryParse(item.GetString(), out var type))
            {
                errors["notificationTypes"] = $"notificationTypes must each be one of {MonodutyNames.All}";
                return types;
            }

            if (types.Contains(type))
            {
                errors["notificationTypes"] = "notificationTypes must not repeat a type";
                return types;
            }

            types.Add(type);
        }

        return types;
    }
}
