namespace OrleansMonitor.Tests.StatusPages;

/// <summary>A device on the public read: nothing but its name, state and last check.</summary>
public sealed record PublicDevice(string Name, string Status, string? LastCheck);
