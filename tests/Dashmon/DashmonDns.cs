namespace OrleansMonitor.Tests.Dashmon;

/// <summary>A DNS device's settings: the device's <c>dns</c> and what the dns-config route answers.</summary>
public sealed record DashmonDns(string RecordType, string Name, IReadOnlyList<string> Expected, string Match, string? Resolver = null);
