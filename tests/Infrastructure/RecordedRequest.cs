namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>A request a <see cref="LocalHttpTarget"/> received: method, path, Content-Type, body (UTF-8) and headers.</summary>
public sealed record RecordedRequest(string Method, string Path, string? ContentType, string Body, IReadOnlyDictionary<string, string> Headers);
