namespace OrleansMonitor.ApiHost.Errors;

/// <summary>
/// How one API dialect names the engine's neutral field ids (<see cref="MonitorField"/>) in its 422 bodies: the ids it
/// spells differently are renamed, the others pass through.
/// </summary>
public sealed class FieldNameMap(IReadOnlyDictionary<string, string> renamed)
{
    /// <summary><paramref name="errors"/> keyed by this dialect's names; when two ids share a name, the first message stays.</summary>
    public IReadOnlyDictionary<string, string> Apply(IReadOnlyDictionary<string, string> errors)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, message) in errors)
        {
            named.TryAdd(renamed.GetValueOrDefault(field, field), message);
        }

        return named;
    }
}
