namespace OrleansMonitor.Tests.StatusPages;

/// <summary>An update on the public read, naming its devices.</summary>
public sealed record PublicUpdate(string State, string Message, IReadOnlyList<string> Devices, string CreatedAt);
