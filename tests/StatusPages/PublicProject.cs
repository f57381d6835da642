namespace OrleansMonitor.Tests.StatusPages;

/// <summary>A project on the public read.</summary>
public sealed record PublicProject(string Name, IReadOnlyList<PublicDevice> Devices);
