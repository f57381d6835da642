namespace OrleansMonitor.Tests.Probes;

/// <summary>What the loopback server received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? ContentType, string Body, string? ProbeHeader);
