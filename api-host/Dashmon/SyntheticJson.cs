using System.Text.Json;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// The assertion list of PUT /api/devices/:id/synthetic: <c>{"assertions": [{"type", "path" or "target", "value"}]}</c>.
/// The JSON-path assertions name their path <c>path</c> (<c>target</c> is taken as an alias on input, never written);
/// <c>header_equals</c> names its header <c>target</c>.
/// </summary>
public static class SyntheticJson
{
    private static readonly Dictionary<string, SyntheticAssertionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["status_code_in"] = SyntheticAssertionKind.StatusCodeIn,
        ["response_time_below"] = SyntheticAssertionKind.ResponseTimeBelow,
        ["body_contains"] = SyntheticAssertionKind.BodyContains,
        ["body_not_contains"] = SyntheticAssertionKind.BodyNotContains,
        ["json_path_equals"] = SyntheticAssertionKind.JsonPathEquals,
        ["json_path_exists"] = SyntheticAssertionKind.JsonPathExists,
        ["header_equals"] = SyntheticAssertionKind.HeaderEquals,
        ["tls_valid_days"] = SyntheticAssertionKind.TlsValidDaysAtLeast,
        ["domain_days"] = SyntheticAssertionKind.DomainDaysAtLeast,
    };

    public static IReadOnlyList<SyntheticAssertion>? Read(JsonElement root, Dictionary<string, string> errors)
    {
        if (!root.TryGetProperty("assertions", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors["assertions"] = "assertions must be an array";
            return null;
        }

        var result = new List<SyntheticAssertion>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var key = $"assertions[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors[key] = "each assertion must be an object";
                continue;
            }

            var fields = new JsonFields(item);
            var type = fields.String("type", 40);
            var path = fields.String("path", 200);
            var target = fields.String("target", 200);
            var value = item.TryGetProperty("value", out var raw) && raw.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                ? raw.GetRawText()
                : fields.String("value", 1000);
            if (type is null || !Kinds.TryGetValue(type, out var kind))
            {
                errors[key] = "type must be one of " + string.Join(", ", Kinds.Keys);
                continue;
            }

            if (path is not null && !IsJsonPath(kind))
            {
                fields.Errors["path"] = "path applies to json_path_equals and json_path_exists; header_equals names its header in target";
            }
            else if (path is not null && target is not null && path != target)
            {
                fields.Errors["path"] = "path and target (its alias) name different JSON paths: give path only";
            }

            if (fields.Errors.Count > 0)
            {
                errors[key] = string.Join("; ", fields.Errors.Values);
                continue;
            }

            result.Add(new SyntheticAssertion(kind, path ?? target, value));
        }

        return result;
    }

    public static IReadOnlyList<DeviceAssertion> Assertions(IEnumerable<SyntheticAssertion> assertions) =>
        assertions.Select(a => Kinds.First(k => k.Value == a.Kind).Key is var type && IsJsonPath(a.Kind)
            ? (DeviceAssertion)new JsonPathAssertion(type, a.Target, a.Value)
            : new TargetAssertion(type, a.Target, a.Value)).ToArray();

    private static bool IsJsonPath(SyntheticAssertionKind kind) =>
        kind is SyntheticAssertionKind.JsonPathEquals or SyntheticAssertionKind.JsonPathExists;
}
