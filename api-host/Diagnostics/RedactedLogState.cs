using System.Collections;

namespace OrleansMonitor.ApiHost.Diagnostics;

/// <summary>A log entry's or scope's state with secret paths redacted, in its message and in every text value.</summary>
public sealed class RedactedLogState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values = values is null
        ? []
        : values.Select(pair => new KeyValuePair<string, object?>(pair.Key, Redact(pair.Value))).ToArray();

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public static string Format(RedactedLogState state, Exception? exception) => state.ToString();

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;

    /// <summary>Text values (and values that print as a path) are redacted; numbers, ids and the like pass unchanged.</summary>
    private static object? Redact(object? value) => value switch
    {
        string text => SecretPaths.Redact(text),
        PathString or Uri => SecretPaths.Redact(value.ToString()!),
        _ => value,
    };
}
