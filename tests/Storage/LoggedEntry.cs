using Microsoft.Extensions.Logging;

namespace OrleansMonitor.Tests.Storage;

/// <summary>One entry a <see cref="RecordingLogger{T}"/> kept.</summary>
public sealed record LoggedEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);
