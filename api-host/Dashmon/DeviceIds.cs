using System.Text.Json;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>Reads the <c>deviceIds</c> array of bulk requests (1–1000 UUIDs).</summary>
public static class DeviceIds
{
    public const int Max = 1000;

    public static IReadOnlyList<Guid>? Read(JsonElement root, Dictionary<string, string> errors)
    {
        if (!root.TryGetProperty("deviceIds", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > Max)
        {
            errors["deviceIds"] = $"deviceIds must be an array of 1 to {Max} device ids";
            return null;
        }

        var ids = new List<Guid>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Guid.TryParse(item.GetString(), out var id))
            {
                errors["deviceIds"] = "every device id must be a UUID string";
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }
}
