namespace OrleansMonitor.Tests.Monoduty;

/// <summary>The Monoduty error body as a client reads it.</summary>
public sealed record MonodutyErrorBody(
    bool Success,
    string Error,
    string Code,
    string Timestamp,
    string RequestId,
    string? Reason = null,
    IReadOnlyDictionary<string, string>? Fields = null);
