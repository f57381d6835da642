namespace OrleansMonitor.ApiHost.Diagnostics;

/// <summary>
/// Writes through to <paramref name="inner"/>, but an entry or scope whose message or values hold a secret path (see
/// <see cref="SecretPaths"/>) is passed on redacted. This covers ASP.NET Core's own logs too ("Request starting ...",
/// routing), which name the raw path.
/// </summary>
public sealed class RedactingLogger(ILogger inner) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        var holdsSecret = values is not null ? HoldsSecret(values) : SecretPaths.Contain(state.ToString());
        return holdsSecret ? inner.BeginScope(new RedactedLogState(SecretPaths.Redact(state.ToString() ?? ""), values)) : inner.BeginScope(state);
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        if (SecretPaths.Contain(message) || (values is not null && HoldsSecret(values)))
        {
            inner.Log(logLevel, eventId, new RedactedLogState(SecretPaths.Redact(message), values), exception, RedactedLogState.Format);
            return;
        }

        inner.Log(logLevel, eventId, state, exception, formatter);
    }

    private static bool HoldsSecret(IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        for (var index = 0; index < values.Count; index++)
        {
            var text = values[index].Value switch
            {
                string s => s,
                PathString path => path.Value,
                Uri uri => uri.ToString(),
                _ => null,
            };
            if (SecretPaths.Contain(text))
            {
                return true;
            }
        }

        return false;
    }
}
