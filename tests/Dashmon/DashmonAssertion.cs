namespace OrleansMonitor.Tests.Dashmon;

/// <summary>One synthetic assertion of a device: JSON-path kinds name their <see cref="Path"/>, header_equals its <see cref="Target"/>.</summary>
public sealed record DashmonAssertion(string Type, string? Target = null, string? Path = null, string? Value = null);
