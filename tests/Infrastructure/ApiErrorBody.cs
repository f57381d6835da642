namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>The API's one error envelope as a client reads it; <see cref="Errors"/> names the fields a 422 refuses.</summary>
public sealed record ApiErrorBody(
    bool Success,
    string Error,
    string Code,
    string Timestamp,
    string? RequestId = null,
    IReadOnlyDictionary<string, string>? Errors = null);
