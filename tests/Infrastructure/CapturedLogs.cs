using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every entry it is given, at every level: category, level and all its text (the
/// message, the exception, every state value and every value of the scopes around it), so a test can assert what reached the logs.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Text)> _entries = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<(string Category, LogLevel Level, string Text)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public bool IsEnabled(LogLevel logLevel) => true;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes?.Push(state);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder(formatter(state, exception));
            if (exception is not null)
            {
                text.Append(" | ").Append(exception);
            }

            Append(text, state);
            owner._scopes?.ForEachScope((scope, builder) => Append(builder, scope), text);
            owner._entries.Enqueue((category, logLevel, text.ToString()));
        }

        private static void Append(StringBuilder text, object? state)
        {
            text.Append(" | ").Append(state);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }
        }
    }
}
