using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrleansMonitor.Tests.Storage;

/// <summary>A logger that keeps what it is given, so a test can assert what was logged.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LoggedEntry> _entries = new();

    public IReadOnlyList<LoggedEntry> Entries => [.. _entries];

    /// <summary>The entries of one event (by its name).</summary>
    public IReadOnlyList<LoggedEntry> Of(string eventName) => [.. _entries.Where(entry => entry.EventId.Name == eventName)];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new LoggedEntry(logLevel, eventId, formatter(state, exception), exception));
}
